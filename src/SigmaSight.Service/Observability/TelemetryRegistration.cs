using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Observability;

/// <summary>
/// OpenTelemetry for every host (a span per job, job and run metrics; OTLP export when configured), and for
/// <c>serve</c> the ledger gauges and the Prometheus scrape endpoint.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddSigmaSightTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.SectionName, TelemetryOptions.Rules);
        services.AddSingleton<BatchTelemetry>();
        var otlp = !string.IsNullOrEmpty(configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)}"])
            || !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var endpoint = configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("sigmasight-batch"))
            .WithTracing(t =>
            {
                t.AddSource(BatchTelemetry.Name);
                if (otlp) t.AddOtlpExporter(o => Endpoint(o, endpoint));
            })
            .WithMetrics(m =>
            {
                m.AddMeter(BatchTelemetry.Name);
                if (otlp) m.AddOtlpExporter(o => Endpoint(o, endpoint));
            });
        return services;
    }

    /// <summary><c>serve</c>: the ledger gauges and the Prometheus exporter.</summary>
    public static IServiceCollection AddSigmaSightMetricsEndpoint(this IServiceCollection services)
    {
        services.AddSingleton<LedgerGauges>();
        services.AddHostedService(s => s.GetRequiredService<LedgerGauges>());
        services.AddOpenTelemetry().WithMetrics(m => m.AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapSigmaSightMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<LedgerGauges>(); // creates the gauges before the first scrape
        app.MapPrometheusScrapingEndpoint(app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.PrometheusPath);
        return app;
    }

    private static void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrEmpty(endpoint)) options.Endpoint = new Uri(endpoint);
    }
}
