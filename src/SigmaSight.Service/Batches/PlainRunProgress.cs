using System.Globalization;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Progress as plain lines ("  market data: 3/3  symbol analytics: pending …"): a line when the phases' counts change,
/// at most one per <paramref name="minInterval"/> (zero: every change), and always the last one.
/// </summary>
public sealed class PlainRunProgress(TextWriter output, TimeSpan minInterval, TimeProvider time) : IRunProgressView
{
    private string printed = "";
    private DateTimeOffset? printedAt;

    public async Task ShowAsync(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var line = Line(progress.Phases);
        var now = time.GetUtcNow();
        var due = printedAt is not { } at || now - at >= minInterval || progress.Run.Status != RunStatus.Running;
        if (line == printed || !due) return;
        await output.WriteLineAsync($"  {line}").ConfigureAwait(false);
        (printed, printedAt) = (line, now);
    }

    public async Task FollowAsync(Guid superseded, Guid successor)
    {
        await output.WriteLineAsync($"  run {superseded} was superseded by run {successor}: following it").ConfigureAwait(false);
        (printed, printedAt) = ("", null);
    }

    /// <summary>Each phase's finished items of its expected ones ("pending" before it starts) and its failures, if any.</summary>
    public static string Line(IEnumerable<PhaseCounts> phases) => string.Join("  ", phases.Select(p =>
        p.Status == PhaseStatus.Pending ? $"{p.Name}: pending"
            : string.Create(CultureInfo.InvariantCulture, $"{p.Name}: {p.Done}/{p.Expected}{Failures(p)}")));

    private static string Failures(PhaseCounts phase) =>
        phase.Failed + phase.Blocked == 0 ? ""
            : string.Create(CultureInfo.InvariantCulture, $" ({phase.Failed} failed{(phase.Blocked > 0 ? $", {phase.Blocked} blocked" : "")})");
}
