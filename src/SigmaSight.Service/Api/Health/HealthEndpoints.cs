using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Api.Health;

/// <summary>
/// /health/live (the process answers) and /health/ready (database, a fresh Hangfire heartbeat, the last nightly run):
/// 200 when Healthy or Degraded, 503 when Unhealthy, with a JSON body listing every check.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IServiceCollection AddSigmaSightHealth(this IServiceCollection services)
    {
        services.AddValidatedOptions<HealthOptions>(HealthOptions.SectionName, HealthOptions.Rules);
        var timeout = TimeSpan.FromSeconds(10);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<HangfireServerHealthCheck>("hangfire-servers", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<NightlyRunHealthCheck>("nightly-run", HealthStatus.Degraded, [Ready], timeout);
        return services;
    }

    public static WebApplication MapSigmaSightHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
