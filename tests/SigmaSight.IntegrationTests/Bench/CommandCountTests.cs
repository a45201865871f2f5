using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Bench;

/// <summary>
/// Issue 10, point 4: the database commands of one P&amp;L day and of one risk job (counted by <c>bench</c> on Npgsql's
/// tracing source, per Hangfire job) do not grow with the number of positions or with the length of history: a job's
/// inputs are loaded with a constant number of set-based queries.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class CommandCountTests
{
    /// <summary>
    /// One worker, so the jobs of a day run one after another and the same job of each book pays the same one-off
    /// commands: the first risk job reads the day's shared data (RiskReferenceCache), the last one completes the phase.
    /// With several workers which job reads is a race, and a book's maximum moved by that one read, not by its size.
    /// </summary>
    private static readonly Dictionary<string, string> OneWorker = new() { ["Hangfire__WorkerCount"] = "1" };

    [Fact]
    public async Task CommandsPerPnlAndRiskJob_DoNotGrowWithPositionsOrHistory()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        var small = await MaxCommandsAsync(positions: 4, days: 3);
        var large = await MaxCommandsAsync(positions: 24, days: 15);

        foreach (var kind in new[] { "CalculatePnlJob", "PortfolioRiskJob" })
        {
            small.Should().ContainKey(kind);
            large[kind].Should().BeLessThanOrEqualTo(small[kind],
                $"a {kind} with 6x the positions and 5x the days must not run more commands per day it computes (small book: {small[kind]}, large: {large[kind]})");
        }
    }

    /// <summary>
    /// Runs a <c>--days</c> backfill of two books and returns the most commands any job of each class ran per ledger item
    /// (a P&amp;L job computes a slice of days, <c>Batch:PnlDaysPerJob</c>; a risk job one portfolio-day).
    /// </summary>
    private static async Task<Dictionary<string, int>> MaxCommandsAsync(int positions, int days)
    {
        var json = Path.Combine(Path.GetTempPath(), $"bench-commands-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await ServiceProcess.RunAsync(OneWorker, "bench", "--portfolios", "2",
                "--positions", positions.ToString(System.Globalization.CultureInfo.InvariantCulture), "--symbols", "40",
                "--days", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ceiling-jobs", "20", "--no-jit-settle", "--json", json);
            exitCode.Should().Be(0, output);
            output.Should().Contain("not waited for (--no-jit-settle)").And.NotContain("JIT settled before");
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
            var dayCost = report.RootElement.GetProperty("dayCost");
            if (days < 10) dayCost.ValueKind.Should().Be(JsonValueKind.Null, "a range of fewer than 10 dates has no tenths");
            else
            {
                (dayCost.GetProperty("dates").GetInt32(), dayCost.GetProperty("items").GetInt64()).Should().Be((days, 2L * days),
                    "every portfolio-day of the backfill is one P&L item");
                dayCost.GetProperty("lastOverFirst").GetDouble().Should().BePositive();
            }
            return report.RootElement.GetProperty("commandsPerJob").EnumerateArray()
                .ToDictionary(c => c.GetProperty("jobKind").GetString()!, c => c.GetProperty("maxPerItem").GetInt32());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
