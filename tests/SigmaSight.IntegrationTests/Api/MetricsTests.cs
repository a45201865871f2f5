using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Observability;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// Observability on real PostgreSQL and real Hangfire servers: a demo backfill performed by <c>serve</c>'s own
/// servers shows in its Prometheus endpoint (this host's job and run metrics, the ledger's gauges) and leaves a span
/// per job tagged with its run, portfolio and date.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_ShowTheJobsRunsAndLedgerOfADemoBackfill_AndEachJobLeavesATaggedSpan()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == BatchTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await WebTestHost.StartAsync(runServers: true);
        var run = await BackfillDemoAsync(host, tradingDays: 3);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        var lastNightly = BatchTestHost.DefaultNow.AddMinutes(-90);
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status, requested_by,
                                               trigger_time, created_at, started_at, finished_at)
            VALUES (gen_random_uuid(), '2026-10-29', 'Nightly', 'all', '2026-10-29', '2026-10-29', 'Completed', 'test',
                    '2026-10-29T20:30:00Z', '2000-01-01T00:00:00Z', '2026-10-29T20:30:00Z', '{lastNightly:O}')
            """);
        var pnlItems = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3");
        await host.Services.GetRequiredService<LedgerGauges>().RefreshAsync(CancellationToken.None);
        using var client = host.Client();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        pnlItems.Should().Be(15, "5 portfolios × 3 days");
        // A P&L job computes a slice of a portfolio's days (Batch:PnlDaysPerJob): here one job per portfolio.
        var pnlJobs = await TestDatabase.ScalarAsync<long>($"SELECT count(DISTINCT hangfire_job_id) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3");
        pnlJobs.Should().Be(5);
        Value(metrics, "sigmasight_jobs_total", ("job", "CalculatePnlJob"), ("outcome", "succeeded")).Should().BeGreaterThanOrEqualTo(pnlJobs);
        Value(metrics, "sigmasight_jobs_total", ("job", "PortfolioRiskJob"), ("outcome", "succeeded")).Should().BeGreaterThanOrEqualTo(5);
        Value(metrics, "sigmasight_job_duration_seconds_count", ("job", "CalculatePnlJob"), ("phase", "P&L and snapshot"), ("outcome", "succeeded")).Should().BeGreaterThanOrEqualTo(pnlJobs);
        Value(metrics, "sigmasight_runs_total", ("kind", "Backfill"), ("status", "Completed")).Should().Be(1);
        Value(metrics, "sigmasight_run_duration_seconds_count", ("kind", "Backfill"), ("status", "Completed")).Should().Be(1);
        Value(metrics, "sigmasight_ledger_items", ("phase", "P&L and snapshot"), ("status", "Succeeded")).Should().Be(pnlItems,
            "the ledger gauge counts the newest run's items");
        Value(metrics, "sigmasight_ledger_run_duration_seconds", ("kind", "Backfill"), ("status", "Completed")).Should().Be(0,
            "the test's clock is frozen");
        Value(metrics, "sigmasight_ledger_nightly_success_age_seconds").Should().Be(5400, "the last Completed nightly finished 90 minutes ago");

        var pnlSpans = spans.Where(s => s.OperationName == "CalculatePnlJob" && Equals(s.GetTagItem("sigmasight.run_id"), run.Id)).ToList();
        pnlSpans.Should().HaveCountGreaterThanOrEqualTo((int)pnlJobs);
        pnlSpans.Should().OnlyContain(s => s.GetTagItem("sigmasight.job_id") != null && s.Status != ActivityStatusCode.Error);
        var daySpans = spans.Where(s => s.OperationName == "CalculatePnlDay" && Equals(s.GetTagItem("sigmasight.run_id"), run.Id)).ToList();
        daySpans.Select(s => (s.GetTagItem("sigmasight.portfolio_id"), s.GetTagItem("sigmasight.date"))).Distinct()
            .Should().HaveCount(15, "one span per (portfolio, date) item at least");
        daySpans.Should().OnlyContain(s => pnlSpans.Any(p => p.SpanId == s.ParentSpanId), "each day's span is a child of its job's span");
    }

    private static async Task<BatchRun> BackfillDemoAsync(WebTestHost host, int tradingDays)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, CancellationToken.None);
        var calendar = await services.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
        var inception = await services.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
        var days = calendar.TradingDays(inception, calendar.AddTradingDays(inception, tradingDays - 1)).ToList();
        var started = await services.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Backfill, days[0], days[^1], RunScope.All, "test", BatchTestHost.DefaultNow), CancellationToken.None);
        return await services.GetRequiredService<RunWaiter>().WaitAsync(started.RunId, TimeSpan.FromSeconds(240), TextWriter.Null, CancellationToken.None);
    }

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include every given pair.</summary>
    private static double Value(string metrics, string name, params (string Label, string Value)[] labels)
    {
        var samples = metrics.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name)
            .Where(m => labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        samples.Should().ContainSingle("{0} with {1} should be exported once; the scrape was:\n{2}", name, string.Join(", ", labels), metrics);
        return samples[0];
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex SampleLine();
}
