using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Observability;

/// <summary>
/// The ledger's view, the same on every host: the latest run of each kind (status and duration), the items of the
/// newest run by phase and status, its data-quality findings (stale prices among them) by kind and severity, and the
/// age of the last Completed nightly run. Read from PostgreSQL every <see cref="TelemetryOptions.LedgerPollInterval"/>,
/// never during a scrape.
/// </summary>
public sealed partial class LedgerGauges : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<LedgerGauges> _logger;
    private volatile LedgerReading? _reading;

    public LedgerGauges(BatchTelemetry telemetry, IServiceScopeFactory scopes, TimeProvider time,
        IOptions<TelemetryOptions> options, ILogger<LedgerGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(options);
        (_scopes, _time, _interval, _logger) = (scopes, time, options.Value.LedgerPollInterval, logger);
        var meter = telemetry.Meter;
        meter.CreateObservableGauge("sigmasight.ledger.run.duration", () => Read(r => r.Runs.Select(x =>
            new Measurement<double>(x.Seconds, new("kind", x.Kind), new("status", x.Status)))), "s",
            "Duration of the latest run of each kind (so far, while it runs)");
        meter.CreateObservableGauge("sigmasight.ledger.items", () => Read(r => r.Items.Select(x =>
            new Measurement<long>(x.Count, new("phase", BatchPhases.Name(x.Phase)), new("status", x.Status)))), "{item}",
            "Ledger items of the newest run by phase and status");
        meter.CreateObservableGauge("sigmasight.ledger.findings", () => Read(r => r.Findings.Select(x =>
            new Measurement<long>(x.Count, new("kind", x.Kind), new("severity", x.Severity)))), "{finding}",
            "Data-quality findings of the newest run by kind (stale, missing, ...) and severity");
        meter.CreateObservableGauge("sigmasight.ledger.nightly.success_age", () => Read<double>(r => r.LastNightlySuccess is { } at
            ? [new Measurement<double>((_time.GetUtcNow() - at).TotalSeconds)] : []), "s",
            "Age of the last nightly run that Completed");
    }

    /// <summary>Reads the ledger once now (the poller does it on its interval).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>();
        var now = _time.GetUtcNow();
        var latest = await db.BatchRuns.AsNoTracking().Where(r => r.SupersededBy == null)
            .GroupBy(r => r.Kind).Select(g => g.OrderByDescending(r => r.CreatedAt).First())
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var newest = latest.OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        var items = newest is null ? [] : await db.BatchItems.AsNoTracking().Where(i => i.RunId == newest.Id)
            .GroupBy(i => new { i.Phase, i.Status }).Select(g => new { g.Key.Phase, g.Key.Status, Count = g.LongCount() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var findings = newest is null ? [] : await db.DataQualityFindings.AsNoTracking().Where(f => f.RunId == newest.Id)
            .GroupBy(f => new { f.Kind, f.Severity }).Select(g => new { g.Key.Kind, g.Key.Severity, Count = g.LongCount() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var nightly = await db.BatchRuns.AsNoTracking()
            .Where(r => r.Kind == RunKind.Nightly && r.Status == RunStatus.Completed && r.FinishedAt != null)
            .MaxAsync(r => r.FinishedAt, cancellationToken).ConfigureAwait(false);
        _reading = new LedgerReading(
            [.. latest.Where(r => r.StartedAt is not null).Select(r => (r.Kind.ToString(), r.Status.ToString(), ((r.FinishedAt ?? now) - r.StartedAt!.Value).TotalSeconds))],
            [.. items.Select(i => (i.Phase, i.Status.ToString(), i.Count))],
            [.. findings.Select(f => (f.Kind, f.Severity, f.Count))],
            nightly);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The gauges keep their last reading; the database's own health check reports the outage.
                LogReadFailed(_logger, e.GetBaseException().Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<T>> Read<T>(Func<LedgerReading, IEnumerable<Measurement<T>>> select) where T : struct =>
        _reading is { } reading ? select(reading) : [];

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Ledger metrics not refreshed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);

    private sealed record LedgerReading(
        IReadOnlyList<(string Kind, string Status, double Seconds)> Runs,
        IReadOnlyList<(int Phase, string Status, long Count)> Items,
        IReadOnlyList<(string Kind, string Severity, long Count)> Findings,
        DateTimeOffset? LastNightlySuccess);
}
