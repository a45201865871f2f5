using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Api.Health;

/// <summary>
/// Reports the last nightly run (business date, status, age) against the business date expected now; a backfill of every
/// portfolio counts as the nights it covers (the demo's backfill through the last trading day leaves the host Healthy).
/// Degraded, never Unhealthy: when there is no nightly run or full backfill yet, when the newest one ended Failed or CompletedWithErrors, or when the
/// newest Completed one lags more than <see cref="HealthOptions.NightlyMaxLagTradingDays"/> trading days behind (a
/// missed night). A bad night needs an operator, not a restart of the host, so it never makes the host unready.
/// </summary>
public sealed class NightlyRunHealthCheck(SigmaSightDbContext db, TradingCalendarProvider calendars, TimeProvider time,
    IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await EvaluateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Degraded($"cannot read the last nightly run: {e.Message}", e);
        }
    }

    private async Task<HealthCheckResult> EvaluateAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var expected = BusinessDate.Resolve(now, calendar);
        var nightly = db.BatchRuns.AsNoTracking().Where(r => r.SupersededBy == null
            && (r.Kind == RunKind.Nightly || (r.Kind == RunKind.Backfill && r.Scope == Batches.Planning.RunScope.All)));
        var last = await nightly.OrderByDescending(r => r.RangeTo).ThenByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var lastCompleted = await nightly.Where(r => r.Status == RunStatus.Completed).MaxAsync(r => (DateOnly?)r.RangeTo, ct)
            .ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["expectedBusinessDate"] = Iso(expected) };
        if (last is null) return HealthCheckResult.Degraded($"no nightly run yet (expected business date {Iso(expected)})", data: data);

        var age = now - (last.FinishedAt ?? last.StartedAt ?? last.CreatedAt);
        var behind = lastCompleted is { } done ? calendar.CountTradingDays(done, expected) : -1;
        data["lastRunId"] = last.Id.ToString();
        data["lastBusinessDate"] = Iso(last.RangeTo);
        data["lastKind"] = last.Kind.ToString();
        data["lastStatus"] = last.Status.ToString();
        data["lastAgeHours"] = Math.Round(age.TotalHours, 1);
        data["lastCompletedBusinessDate"] = lastCompleted is { } d ? Iso(d) : "none";
        data["tradingDaysBehind"] = behind;

        var run = last.Kind == RunKind.Nightly ? $"nightly run {Iso(last.RangeTo)}" : $"backfill through {Iso(last.RangeTo)}";
        var said = $"last {run} is {last.Status}, {age.TotalHours:0.0} h old";
        if (last.Status is RunStatus.Failed or RunStatus.CompletedWithErrors)
            return HealthCheckResult.Degraded($"{said}: it needs an operator (see /api/runs/{last.Id})", data: data);
        if (behind < 0 || behind > options.Value.NightlyMaxLagTradingDays)
            return HealthCheckResult.Degraded(
                $"{said}; the last Completed one ({data["lastCompletedBusinessDate"]}) is {(behind < 0 ? "missing" : $"{behind} trading day(s) behind {Iso(expected)}")}", data: data);
        return HealthCheckResult.Healthy($"{said}; expected business date {Iso(expected)}", data);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
