using System.Text.Json;
using Npgsql;
using SigmaSight.Service.Batches;
using SigmaSight.IntegrationTests.BadInput;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Bench;

namespace SigmaSight.IntegrationTests.Bench;

/// <summary><c>bench</c> as an operator runs it, on a tiny universe: the built binary, its own database, its JSON.</summary>
[Collection(SharedDatabase.Name)]
public sealed class BenchCommandTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public async Task Bench_RunsANightlyInItsOwnDatabase_UnderApiReads_AndReportsSaneFigures()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        (await ServiceProcess.RunAsync(NoSettings, "seed-demo")).ExitCode.Should().Be(0);
        var before = await StoredFingerprint.TakeAsync();
        var json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await ServiceProcess.RunAsync(NoSettings, "bench", "--portfolios", "3", "--positions", "5",
                "--symbols", "50", "--api-reads", "20", "--api-concurrency", "4", "--ceiling-jobs", "200", "--ceiling-bursts", "2", "--warm-up-nights", "2", "--json", json);

            exitCode.Should().Be(0, output);
            output.Should().Contain("bench: warm-up nightly 1 of 2").And.Contain("bench: warm-up nightly 2 of 2").And.Contain("ceiling")
                .And.Contain("P&L and snapshot 3/3");
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
            var root = report.RootElement;
            var run = root.GetProperty("run");
            run.GetProperty("status").GetString().Should().Be("Completed");
            run.GetProperty("hangfireJobs").GetInt64().Should().BeGreaterThan(0);
            run.GetProperty("jobsPerSecond").GetDouble().Should().BeGreaterThan(0);
            run.GetProperty("wallSeconds").GetDouble().Should().BeGreaterThan(0);
            run.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetInt32()).Should().Equal(1, 2, 3, 4, 5);
            run.GetProperty("phases").EnumerateArray().Should().OnlyContain(p => p.GetProperty("seconds").GetDouble() >= 0);
            var phases = run.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("phase").GetInt32(), p => p.GetProperty("items").GetInt32());
            (phases[3], phases[4]).Should().Be((3, 3));
            var ceiling = root.GetProperty("ceiling");
            ceiling.GetProperty("jobs").GetInt32().Should().Be(200);
            ceiling.GetProperty("jobsPerSecond").GetDouble().Should().BeGreaterThan(1);
            root.GetProperty("phase34RatioOfCeiling").GetDouble().Should().BeGreaterThan(0);
            // Two bursts, each reported; the ceiling is the lower one (the median of an even count is its lower middle).
            var bursts = root.GetProperty("ceilingBursts").EnumerateArray().Select(b => b.GetProperty("jobsPerSecond").GetDouble()).ToList();
            bursts.Should().HaveCount(2);
            ceiling.GetProperty("jobsPerSecond").GetDouble().Should().Be(bursts.Min());
            output.Should().Contain("(burst 2 of 2)").And.Contain("the median of 2 bursts");
            root.GetProperty("runtime").GetString().Should().Contain("Hangfire workers");
            // The server the figures came from, and whether its shared memory could be in huge pages.
            root.GetProperty("server").GetString().Should().MatchRegex(@"^PostgreSQL \d+.*, shared_buffers \w+, huge_pages (try|on|off); this machine's huge pages: ");
            output.Should().Contain("  server: PostgreSQL ");
            // The JIT: waited for before the ceiling and the measured run, and what it still compiled during each is reported.
            output.Should().Contain("bench: JIT settled before the ceiling in").And.Contain("bench: JIT settled before the measured run in")
                .And.Contain("methods compiled in").And.Contain("for it to settle before them");
            var jit = root.GetProperty("jit");
            jit.GetProperty("settleSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(2 * JitSettle.Quiet.TotalSeconds,
                "each wait lasts at least the quiet time");
            jit.GetProperty("duringCeiling").GetProperty("methods").GetInt64().Should().BeGreaterThanOrEqualTo(0);
            jit.GetProperty("duringRun").GetProperty("methods").GetInt64().Should().BePositive(
                "the measured night runs code the warm-up nights did not (the API reads) or did not call often enough to promote, so the JIT compiles during it");
            // Core time a phase-3/4 item against a no-op job's: what decides the share of the ceiling when the cores are busy.
            var cores = root.GetProperty("coreTime");
            var (noOp, ours) = (cores.GetProperty("noOp"), cores.GetProperty("phases34"));
            (noOp.GetProperty("jobs").GetDouble(), ours.GetProperty("jobs").GetDouble()).Should().Be((400, 6));
            ours.GetProperty("processMsPerJob").GetDouble().Should().BePositive();
            noOp.GetProperty("processMsPerJob").GetDouble().Should().BePositive();
            ours.GetProperty("machineBusyShare").GetDouble().Should().BeInRange(0, 1, "the machine's share comes from /proc/stat on Linux");
            cores.GetProperty("ratio").GetDouble().Should().BePositive();
            output.Should().Contain("  core time: ").And.Contain("ms a phase-3/4 item (this process ");
            root.GetProperty("peakRssBytes").GetInt64().Should().BeGreaterThan(50L << 20);
            var commands = root.GetProperty("commandsPerJob").EnumerateArray().ToDictionary(c => c.GetProperty("jobKind").GetString()!);
            foreach (var kind in new[] { "CalculatePnlJob", "PortfolioRiskJob" })
            {
                commands.Should().ContainKey(kind);
                // At least one execution per item (a duplicate delivery that finds its item finished counts as a job too).
                commands[kind].GetProperty("jobs").GetInt32().Should().BeGreaterThanOrEqualTo(3);
                commands[kind].GetProperty("mean").GetDouble().Should().BeGreaterThan(1);
                commands[kind].GetProperty("max").GetInt32().Should().BeGreaterThanOrEqualTo((int)commands[kind].GetProperty("mean").GetDouble());
            }
            var api = root.GetProperty("apiLoad");
            (api.GetProperty("reads").GetInt32(), api.GetProperty("errors").GetInt32()).Should().Be((20, 0));
            api.GetProperty("p99Ms").GetDouble().Should().BeGreaterThanOrEqualTo(api.GetProperty("p50Ms").GetDouble()).And.BeGreaterThan(0);

            // Two warm-up nights, each a completed nightly of every book, before the measured one.
            var warmUps = root.GetProperty("warmUps").EnumerateArray().ToList();
            warmUps.Should().HaveCount(2);
            warmUps.Should().OnlyContain(w => w.GetProperty("status").GetString() == "Completed" && w.GetProperty("ledgerItems").GetInt64() > 0);
            var day = DateOnly.Parse(root.GetProperty("businessDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            await using var bench = new NpgsqlConnection(BenchDatabase.ConnectionString(TestDatabase.ConnectionString));
            await bench.OpenAsync(TestContext.Current.CancellationToken);
            (await ScalarAsync(bench, "SELECT count(*) FROM sigmasight.portfolios")).Should().Be(3);
            (await ScalarAsync(bench, $"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE snapshot_date = '{day:yyyy-MM-dd}'")).Should().Be(3);
            (await ScalarAsync(bench, "SELECT count(*) FROM sigmasight.positions WHERE investment_class = 'OPTIONS'")).Should().Be(3);
            (await ScalarAsync(bench, $"SELECT count(DISTINCT snapshot_date) FROM sigmasight.portfolio_snapshots WHERE snapshot_date < '{day:yyyy-MM-dd}'"))
                .Should().Be(2, "each warm-up night writes its own day's snapshots, the days before the measured one");
            (await ScalarAsync(bench, "SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(3);
            // No schedule but the reconciler's: a nightly-batch firing at 16:30 New York would run a second night beside the measured one.
            (await ScalarAsync(bench, "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'reconciler'")).Should().Be(1);
            (await ScalarAsync(bench, "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value IN ('nightly-batch', 'retention')"))
                .Should().Be(0);
            root.GetProperty("otherRuns").GetArrayLength().Should().Be(0);
            output.Should().NotContain("NOT VALID");
            (await ScalarAsync(bench, "SELECT count(*) FROM hangfire.job WHERE invocationdata::jsonb->>'Type' LIKE '%PortfolioRiskJob%'"))
                .Should().Be(await ScalarAsync(bench, $"SELECT count(*) FROM sigmasight.batch_items WHERE phase = {BatchPhases.PortfolioRisk}"),
                    "each risk item gets one Hangfire job: the P&L starter and the risk starter do not both enqueue it");
            (await StoredFingerprint.TakeAsync()).Should().Equal(before, "the bench must not touch the configured database");
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
