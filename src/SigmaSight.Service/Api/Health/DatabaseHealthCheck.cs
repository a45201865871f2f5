using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Api.Health;

/// <summary>Opens a fresh (unpooled) connection and runs SELECT 1 within a short timeout; Unhealthy otherwise.</summary>
public sealed class DatabaseHealthCheck(IConfiguration configuration, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(options.Value.DatabaseTimeout.TotalSeconds));
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.Resolve(configuration))
        {
            ApplicationName = "sigmasight-health", Pooling = false, Timeout = seconds, CommandTimeout = seconds,
        };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"database {builder.Database} on {builder.Host}:{builder.Port} answers");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy($"database {builder.Database} on {builder.Host}:{builder.Port} is unreachable: {e.Message}", e);
        }
    }
}
