using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Observability;

/// <summary>Traces and metrics: the Prometheus scrape endpoint of <c>serve</c>, the ledger poll and OTLP export.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>How often <c>serve</c> reads the ledger gauges from PostgreSQL.</summary>
    public TimeSpan LedgerPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The path of the Prometheus scrape endpoint of <c>serve</c>.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// An OTLP collector (e.g. http://127.0.0.1:4317): when set, or when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is, traces
    /// and metrics are also exported there. Empty: no export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    public static IEnumerable<string> Rules(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems =
        [
            SettingRules.Positive($"{SectionName}:{nameof(LedgerPollInterval)}", options.LedgerPollInterval),
            options.PrometheusPath.StartsWith('/') ? null : $"{SectionName}:{nameof(PrometheusPath)} must start with '/' (it is '{options.PrometheusPath}')",
            string.IsNullOrEmpty(options.OtlpEndpoint) || Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out _) ? null
                : $"{SectionName}:{nameof(OtlpEndpoint)} must be an absolute URI such as http://127.0.0.1:4317 (it is '{options.OtlpEndpoint}')",
        ];
        return problems.OfType<string>();
    }
}
