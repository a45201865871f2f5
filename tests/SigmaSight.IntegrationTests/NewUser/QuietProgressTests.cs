using System.Diagnostics;
using System.Globalization;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7: with its output redirected (a cron log), <c>backfill</c> prints a progress line only when something
/// changed and at most every 30 s, and always the last one (it used to print one per poll: 55 lines for a 36 s backfill).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class QuietProgressTests
{
    private static readonly Dictionary<string, string> NoSettings = new() { ["Schedule__Enabled"] = "false" };

    [Fact]
    public async Task RedirectedBackfill_PrintsAProgressLineAtMostEvery30Seconds_AndTheLastOne()
    {
        await using (await WebTestHost.StartAsync()) { }
        (await ServiceProcess.RunAsync(NoSettings, "seed-demo")).ExitCode.Should().Be(0);
        // A backfill's --from must be a trading day: the first one on or after three weeks ago.
        var from = new Analytics.Calendar.NyseCalendar().OnOrAfter(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-21))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var (code, output) = await ServiceProcess.RunAsync(NoSettings, "backfill", "--from", from);
        var elapsed = clock.Elapsed;

        code.Should().Be(0, output);
        var progress = output.Split('\n').Where(l => l.StartsWith("  market data: ", StringComparison.Ordinal)).ToList();
        progress.Should().NotBeEmpty(output);
        progress.Count.Should().BeLessThanOrEqualTo(2 + (int)(elapsed.TotalSeconds / 30), $"the backfill took {elapsed.TotalSeconds:F0} s: {output}");
        progress.Should().OnlyHaveUniqueItems("a line is printed only when something changed");
        progress[^1].Should().MatchRegex(@"P&L and snapshot: (\d+)/\1 .*verify: 1/1", "the last line is always printed");
    }
}
