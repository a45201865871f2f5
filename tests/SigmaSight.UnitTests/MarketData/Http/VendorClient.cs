using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigmaSight.Service.MarketData.Http;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// The HTTP provider as the service registers it (<see cref="HttpProviderRegistration"/>: typed client, standard
/// resilience handler) against the fake server, with small timeouts and backoffs so the tests stay fast, and every log
/// line of every category captured at Trace.
/// </summary>
public sealed class VendorClient : IDisposable
{
    public const string ApiKey = "test-key-6f1c2b9a-never-logged";

    private readonly ServiceProvider _services;

    public VendorClient(Uri baseUrl, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["MarketData:Http:BaseUrl"] = baseUrl.ToString(),
            ["MarketData:Http:ApiKey"] = ApiKey,
            ["MarketData:Http:AttemptTimeout"] = "00:00:00.300",
            ["MarketData:Http:TotalTimeout"] = "00:00:10",
            ["MarketData:Http:RetryDelay"] = "00:00:00.020",
            ["MarketData:Http:MaxRetries"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)));
        services.AddHttpMarketDataProvider();
        _services = services.BuildServiceProvider();
        Provider = _services.GetRequiredService<FmpMarketDataProvider>();
    }

    public FmpMarketDataProvider Provider { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>December 2000 (the recorded bodies' month) of <paramref name="symbols"/>, timed after a warm-up.</summary>
    public async Task<(IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> Closes, TimeSpan Elapsed)> FetchAsync(
        params string[] symbols)
    {
        await WarmUpAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var closes = await Provider.GetClosesAsync(symbols, new DateOnly(2000, 12, 1), new DateOnly(2000, 12, 29), TestContext.Current.CancellationToken);
        return (closes, watch.Elapsed);
    }

    /// <summary>One request the fake server answers 404 at once, so the timed requests find the code jitted and a connection open.</summary>
    public async Task WarmUpAsync() =>
        await Provider.GetClosesAsync(["WARMUP"], new DateOnly(2000, 12, 1), new DateOnly(2000, 12, 1), CancellationToken.None);

    public void Dispose() => _services.Dispose();

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{properties}] {exception}");
        }
    }
}
