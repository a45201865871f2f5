using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Api.Health;

/// <summary>
/// Healthy when at least one Hangfire server (of any host) has a heartbeat fresher than
/// <see cref="HealthOptions.HeartbeatMaxAge"/>. Heartbeats are wall-clock times written by Hangfire, so they are
/// compared with <see cref="TimeProvider.System"/>, not with the service's (business) clock.
/// </summary>
public sealed class HangfireServerHealthCheck(JobStorage storage, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxAge = options.Value.HeartbeatMaxAge;
        try
        {
            var servers = await Task.Run(() => storage.GetMonitoringApi().Servers(), cancellationToken)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var ages = servers.Where(s => s.Heartbeat is not null).Select(s => now - s.Heartbeat!.Value).ToList();
            var fresh = ages.Count(a => a <= maxAge);
            var data = new Dictionary<string, object>
            {
                ["servers"] = servers.Count, ["fresh"] = fresh,
                ["freshestHeartbeatAgeSeconds"] = ages.Count == 0 ? -1 : Math.Round(ages.Min().TotalSeconds, 1),
            };
            return fresh > 0
                ? HealthCheckResult.Healthy($"{fresh} of {servers.Count} Hangfire server(s) sent a heartbeat within {maxAge.TotalSeconds:0}s", data)
                : HealthCheckResult.Unhealthy($"no Hangfire server sent a heartbeat within {maxAge.TotalSeconds:0}s ({servers.Count} registered)", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"cannot read Hangfire's servers: {e.Message}", e);
        }
    }
}
