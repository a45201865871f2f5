using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Bench;

/// <summary>
/// One bench: recreate and migrate the bench database, seed the universe and the books, start the host, then (nightly)
/// warm-up nightlies for the trading days before it (<see cref="BenchSettings.WarmUpNights"/>) so the measured night has
/// previous snapshots and runs on code a serving host has already run night after night, the no-op ceiling, and
/// the measured nightly for the business date — or, with <see cref="BenchSettings.Days"/>, the ceiling and a backfill
/// of that many trading days from inception — with the API read under load when asked.
/// </summary>
public static class BenchRunner
{
    /// <summary>Who the bench's runs are requested by.</summary>
    internal const string Requester = "bench";

    /// <summary>
    /// Runs the bench, writing its steps to <paramref name="output"/> and each run's progress as a line per poll, or as
    /// live bars on <paramref name="live"/> (a terminal) when given.
    /// </summary>
    public static async Task<BenchReport> RunAsync(string configuredConnection, BenchSettings settings, bool withApi,
        TextWriter output, CancellationToken cancellationToken, Spectre.Console.IAnsiConsole? live = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var loadBefore = ProcessMemory.LoadAverage();
        var connection = BenchDatabase.ConnectionString(configuredConnection);
        await BenchDatabase.RecreateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var host = BenchHost.Build(connection, withApi);
        var plan = await PrepareAsync(host.Services, connection, settings, output, cancellationToken).ConfigureAwait(false);

        var timeout = TimeSpan.FromMinutes(settings.TimeoutMinutes);
        await using var workers = await StartWorkerHostsAsync(settings, connection, output, cancellationToken).ConfigureAwait(false);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var warmUps = new List<RunFigures>();
        foreach (var previous in plan.WarmUpDays)
        {
            await output.WriteLineAsync($"bench: warm-up nightly {warmUps.Count + 1} of {plan.WarmUpDays.Count} for {previous:yyyy-MM-dd} " +
                "(gives the measured night its previous snapshots, and runs its code first)").ConfigureAwait(false);
            var warmUp = await RunWithProgressAsync(host, connection, Nightly(previous, host), null, timeout, output, live, cancellationToken)
                .ConfigureAwait(false);
            if (warmUp.Status != nameof(RunStatus.Completed))
                throw new InvalidOperationException($"bench: the warm-up nightly for {previous:yyyy-MM-dd} ended {warmUp.Status}: {warmUp.Summary}");
            warmUps.Add(warmUp);
        }

        var settled = settings.JitSettle ? await JitSettle.WaitAsync("the ceiling", output, cancellationToken).ConfigureAwait(false) : 0;
        var jitBefore = JitCount.Now();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        await using var cores = CoreTimeRecorder.Start(clock, TimeSpan.FromMilliseconds(200));
        var burstsStart = CoreSample.Take(clock);
        var bursts = await HangfireCeiling.MeasureBurstsAsync(host.Services.GetRequiredService<IBackgroundJobClient>(), connection,
            settings.CeilingJobs, settings.CeilingBursts, output, cancellationToken).ConfigureAwait(false);
        var noOp = CoreTime.Of(burstsStart, CoreSample.Take(clock), (double)settings.CeilingJobs * bursts.Count);
        var ceiling = HangfireCeiling.Median(bursts);
        var jitCeiling = JitCount.Now().Since(jitBefore);
        if (settings.JitSettle) settled += await JitSettle.WaitAsync("the measured run", output, cancellationToken).ConfigureAwait(false);
        jitBefore = JitCount.Now();

        host.Meter.Reset();
        var request = plan.Kind == RunKind.Nightly ? Nightly(plan.From, host)
            : new RunRequest(RunKind.Backfill, plan.From, plan.BusinessDate, RunScope.All, Requester, Now(host));
        await output.WriteLineAsync($"bench: {request.Kind} {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd}, {settings.Portfolios} " +
            $"portfolios x {settings.Positions} positions{(settings.ApiReads > 0 ? $", {settings.ApiReads} API reads by {settings.ApiConcurrency} clients" : "")}")
            .ConfigureAwait(false);
        var load = settings.ApiReads > 0 ? new ApiLoadPlan(host, settings, plan) : null;
        var run = await RunWithProgressAsync(host, connection, request, load, timeout, output, live, cancellationToken).ConfigureAwait(false);
        var jitRun = JitCount.Now().Since(jitBefore);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>();
        var window = RunLedger.Phase34Window(db, run.RunId);
        var phase34 = RunLedger.Phase34JobsPerSecond(window);
        var coreTimes = CoreTimes.Of(noOp, cores, window);
        var dayCost = plan.Kind == RunKind.Backfill
            ? await PnlDayCost.ReadAsync(connection, run.RunId, cancellationToken).ConfigureAwait(false)
            : null;
        var others = await RunLedger.OtherRunsAsync(db, Requester, cancellationToken).ConfigureAwait(false);
        var server = await BenchDatabase.DescribeServerAsync(connection, cancellationToken).ConfigureAwait(false);
        var peak = ProcessMemory.PeakResidentBytes();
        var loadAfter = ProcessMemory.LoadAverage();
        await workers.DisposeAsync().ConfigureAwait(false);
        return new BenchReport(settings, new Npgsql.NpgsqlConnectionStringBuilder(connection).Database!, plan.BusinessDate,
            request.Kind.ToString(), request.From, request.To, plan.Seed, warmUps, ceiling, run, phase34,
            ceiling.JobsPerSecond > 0 ? phase34 / ceiling.JobsPerSecond : 0, peak,
            host.Meter.Snapshot(), load?.Result, loadBefore, loadAfter, workers.PeakRssBytes)
        {
            DayCost = dayCost,
            OtherRuns = others,
            CeilingBursts = bursts,
            Pace = PhasePace.Of(run, phase34, bursts),
            CoreTime = coreTimes,
            Jit = new JitFigures(jitCeiling, jitRun, settled),
            Server = server,
            Runtime = BenchRuntime.Describe(host.Services.GetRequiredService<IOptions<HangfireHostOptions>>().Value.WorkerCount),
        };
    }

    /// <summary>The <c>--hosts</c> − 1 extra <c>serve</c> processes on the bench database (none for one host).</summary>
    private static async Task<BenchWorkerHosts> StartWorkerHostsAsync(BenchSettings settings, string connection, TextWriter output,
        CancellationToken cancellationToken)
    {
        var extra = settings.Hosts - 1;
        if (extra > 0)
        {
            var queues = settings.WorkerQueues is { Count: > 0 } q ? string.Join(",", q) : "all work queues";
            await output.WriteLineAsync($"bench: starting {extra} more host process(es) (serve) on {queues}").ConfigureAwait(false);
        }
        return await BenchWorkerHosts.StartAsync(extra, connection, settings.WorkerQueues, TimeSpan.FromMinutes(2), cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<BenchPlan> PrepareAsync(IServiceProvider services, string connection, BenchSettings settings,
        TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        var calendar = await provider.GetRequiredService<TradingCalendarProvider>().GetAsync(cancellationToken).ConfigureAwait(false);
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var analytics = provider.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
        var batch = provider.GetRequiredService<IOptions<BatchOptions>>().Value;
        var day = BusinessDate.Resolve(now, calendar);
        // Nightly: inception WarmUpNights trading days before; the warm-up nights leave the snapshots a steady night starts from.
        var inception = settings.Days is { } days ? calendar.AddTradingDays(day, -(days - 1)) : calendar.AddTradingDays(day, -settings.WarmUpNights);
        var firstClose = calendar.AddTradingDays(inception, -(analytics.HistoryTradingDays + 10));
        var clock = Stopwatch.StartNew();
        var universe = BenchUniverse.Create(settings.Symbols, settings.Seed, [.. calendar.TradingDays(firstClose, day)], analytics.MarketBenchmark);
        var books = BenchBooks.Create(universe, calendar, settings.Portfolios, settings.Positions, settings.Seed, inception, day, now,
            batch.RiskFreeRate);
        var rows = await BenchSeeder.SeedAsync(connection, universe, books, cancellationToken).ConfigureAwait(false);
        var seed = new SeedResult(universe.Stocks.Count + universe.Proxies.Count, universe.Days.Count, books.Count,
            books.Sum(b => b.Lots.Count), rows, clock.Elapsed.TotalSeconds);
        await output.WriteLineAsync($"bench: seeded {seed.Symbols} symbols x {seed.Days} days, {seed.Portfolios} portfolios, " +
            $"{seed.Lots} lots ({seed.Rows} rows) in {seed.Seconds:F1} s; business date {day:yyyy-MM-dd}").ConfigureAwait(false);
        return settings.Days is null
            ? new BenchPlan(RunKind.Nightly, day, day, [.. calendar.TradingDays(inception, day).Where(d => d < day)], seed, books)
            : new BenchPlan(RunKind.Backfill, inception, day, [], seed, books);
    }

    private static RunRequest Nightly(DateOnly day, BenchHost host) =>
        new(RunKind.Nightly, day, day, RunScope.All, Requester, Now(host));

    private static DateTimeOffset Now(BenchHost host) => host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private static async Task<RunFigures> RunWithProgressAsync(BenchHost host, string connection, RunRequest request, ApiLoadPlan? load,
        TimeSpan timeout, TextWriter output, Spectre.Console.IAnsiConsole? live, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>();
        var handle = await scope.ServiceProvider.GetRequiredService<RunStarter>().StartAsync(request, cancellationToken).ConfigureAwait(false);
        var reads = load?.Start(handle.RunId, cancellationToken);
        var clock = Stopwatch.StartNew();
        if (live is not null)
            await Cli.Terminal.LiveRunProgress.ShowAsync(live, view => PollAsync(db, handle.RunId, view, clock, timeout, cancellationToken)).ConfigureAwait(false);
        else
        {
            var status = RunStatus.Running;
            while (status == RunStatus.Running)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
                (var line, status) = await RunLedger.ProgressAsync(db, handle.RunId, cancellationToken).ConfigureAwait(false);
                var api = load?.Done is { } done ? $"  api reads {done}" : "";
                await output.WriteLineAsync($"  [{clock.Elapsed.TotalSeconds,6:F1}s] {line}{api}").ConfigureAwait(false);
                if (clock.Elapsed > timeout) throw new TimeoutException($"bench: run {handle.RunId} still Running after {timeout}");
            }
        }
        if (reads is not null) await reads.ConfigureAwait(false);
        return await RunLedger.ReadAsync(db, connection, handle.RunId, cancellationToken).ConfigureAwait(false);
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    /// <summary>Shows the run's ledger on live bars until it is no longer Running.</summary>
    private static async Task<RunStatus> PollAsync(SigmaSightDbContext db, Guid runId, IRunProgressView view, Stopwatch clock,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            var progress = await RunProgress.ReadAsync(db, runId, cancellationToken).ConfigureAwait(false);
            await view.ShowAsync(progress).ConfigureAwait(false);
            if (progress.Run.Status != RunStatus.Running) return progress.Run.Status;
            if (clock.Elapsed > timeout) throw new TimeoutException($"bench: run {runId} still Running after {timeout}");
        }
    }
}

/// <summary>What the bench seeded and which run it measures.</summary>
internal sealed record BenchPlan(RunKind Kind, DateOnly From, DateOnly BusinessDate, IReadOnlyList<DateOnly> WarmUpDays, SeedResult Seed,
    IReadOnlyList<BenchBook> Books);
