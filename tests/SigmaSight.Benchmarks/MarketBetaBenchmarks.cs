using BenchmarkDotNet.Attributes;
using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Series;

namespace SigmaSight.Benchmarks;

/// <summary>One operation: the 90-day market beta of 10,000 symbols (<see cref="SingleFactorBeta.Estimate"/>).</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class MarketBetaBenchmarks
{
    private DatedCloses[] _symbols = [];
    private DatedCloses _market = null!;
    private DateOnly _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var universe = SyntheticUniverse.Create(Workload.Symbols, Workload.Days, Workload.Seed);
        _symbols = [.. universe.Symbols];
        _market = universe.Market;
        _asOf = universe.AsOf;
        foreach (var symbol in _symbols)
        {
            var fit = SingleFactorBeta.Estimate(symbol, _market, _asOf);
            Workload.Require(fit.HasValue && fit.Value.Observations == SingleFactorBeta.DefaultWindow, $"{symbol.Name} has no 90-day beta");
        }
    }

    [Benchmark]
    public double MarketBetas()
    {
        var sum = 0.0;
        foreach (var symbol in _symbols) sum += SingleFactorBeta.Estimate(symbol, _market, _asOf).Value.Beta;
        return sum;
    }
}
