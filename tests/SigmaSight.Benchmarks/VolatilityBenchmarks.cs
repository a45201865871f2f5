using BenchmarkDotNet.Attributes;
using SigmaSight.Analytics.Series;
using SigmaSight.Analytics.Volatility;

namespace SigmaSight.Benchmarks;

/// <summary>
/// One operation: the volatility profile (realised 21/63, HAR-RV forecast, trend, percentile) of 10,000 symbols
/// from their closes (<see cref="VolatilityProfile.FromCloses"/>).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class VolatilityBenchmarks
{
    private DatedCloses[] _symbols = [];
    private DateOnly _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var universe = SyntheticUniverse.Create(Workload.Symbols, Workload.Days, Workload.Seed);
        _symbols = [.. universe.Symbols];
        _asOf = universe.AsOf;
        foreach (var symbol in _symbols)
        {
            var profile = VolatilityProfile.FromCloses(symbol, _asOf);
            Workload.Require(
                profile.Har.HasValue && profile.Percentile.HasValue && profile.Trend.HasValue && profile.Realized63.HasValue,
                $"{symbol.Name} lacks a volatility figure");
        }
    }

    [Benchmark]
    public double VolatilityProfiles()
    {
        var sum = 0.0;
        foreach (var symbol in _symbols) sum += VolatilityProfile.FromCloses(symbol, _asOf).Har.Value.ExpectedVolatility21;
        return sum;
    }
}
