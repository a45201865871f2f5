using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SigmaSight.Service.Batches.Diff;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>diff &lt;run-a&gt; &lt;run-b&gt; [--json] [--limit N]</c>: the snapshot figures that differ between what two runs
/// verified. Exit code 0 when they agree, 1 when anything differs (as diff(1) does).
/// </summary>
public static class DiffCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(string[] args)
    {
        var a = CliOptions.RunId("run-a", "The earlier run (e.g. the original night): an id or a unique prefix or suffix of one");
        var b = CliOptions.RunId("run-b", "The later run (e.g. its recompute): an id or a unique prefix or suffix of one");
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape) instead of a table" };
        var limit = new Option<int>("--limit") { Description = "Most changed fields printed in the table", DefaultValueFactory = _ => 200 };
        var command = new Command("diff", "Compare the snapshot figures two runs verified, over the dates and portfolios both cover")
            { a, b, json, limit };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var db = services.GetRequiredService<Persistence.SigmaSightDbContext>();
            var runA = await ResolveAsync(db, result.GetValue(a), "run-a", ct).ConfigureAwait(false);
            var runB = await ResolveAsync(db, result.GetValue(b), "run-b", ct).ConfigureAwait(false);
            var diff = await services.GetRequiredService<RunDiffer>().CompareAsync(runA, runB, ct).ConfigureAwait(false);
            if (result.GetValue(json)) await Console.Out.WriteLineAsync(JsonSerializer.Serialize(diff, Json)).ConfigureAwait(false);
            else await PrintAsync(diff, result.GetValue(limit), Console.Out).ConfigureAwait(false);
            return diff.Same ? ExitCodes.Completed : ExitCodes.CompletedWithErrors;
        }));
        return command;
    }

    /// <summary>A full run id, or a unique prefix or suffix of one (<see cref="Batches.RunReferences"/>).</summary>
    private static async Task<Guid> ResolveAsync(Persistence.SigmaSightDbContext db, string? text, string what, CancellationToken ct)
    {
        var found = await Batches.RunReferences.FindAsync(db.BatchRuns, text ?? throw new UsageException($"{what} is required"), what, ct)
            .ConfigureAwait(false);
        return found.Id ?? throw new UsageException(found.Problem!);
    }

    public static async Task PrintAsync(RunDiff diff, int limit, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c,
            $"runs {diff.RunA} → {diff.RunB} over {diff.From:yyyy-MM-dd}..{diff.To:yyyy-MM-dd}: {diff.Compared} portfolio-day(s) compared, " +
            $"{diff.ChangedDays} changed ({diff.Changes.Count} field(s)), {diff.OnlyInA.Count} only in A, {diff.OnlyInB.Count} only in B")).ConfigureAwait(false);
        if (diff.Same)
        {
            await output.WriteLineAsync("no change").ConfigureAwait(false);
            return;
        }
        if (diff.Changes.Count > 0)
        {
            await output.WriteLineAsync(string.Create(c, $"  {"portfolio",-42} {"date",-10}  {"field",-24} {"A",20} {"B",20} {"B - A",16}")).ConfigureAwait(false);
            foreach (var change in diff.Changes.Take(limit))
            {
                await output.WriteLineAsync(string.Create(c,
                    $"  {change.Portfolio,-42} {change.Date:yyyy-MM-dd}  {change.Field,-24} {change.A ?? "-",20} {change.B ?? "-",20} {(change.Delta is { } d ? d.ToString("+0.##########;-0.##########", c) : ""),16}")).ConfigureAwait(false);
            }
            if (diff.Changes.Count > limit)
                await output.WriteLineAsync(string.Create(c, $"  … {diff.Changes.Count - limit} more (--limit, or --json for all)")).ConfigureAwait(false);
        }
        foreach (var (label, days) in new[] { ("only in A", diff.OnlyInA), ("only in B", diff.OnlyInB) })
        {
            foreach (var day in days.Take(limit))
                await output.WriteLineAsync(string.Create(c, $"  {label}: {day.Portfolio} {day.Date:yyyy-MM-dd}")).ConfigureAwait(false);
        }
    }
}
