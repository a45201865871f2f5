using BenchmarkDotNet.Attributes;
using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Series;

namespace SigmaSight.Benchmarks;

/// <summary>One operation: the 90-day ridge betas on six style factors of 10,000 symbols (<see cref="StyleBetas.Estimate"/>).</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class StyleBetaBenchmarks
{
    private DatedCloses[] _symbols = [];
    private IReadOnlyList<FactorProxy> _factors = [];
    private DateOnly _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var universe = SyntheticUniverse.Create(Workload.Symbols, Workload.Days, Workload.Seed);
        _symbols = [.. universe.Symbols];
        _factors = universe.StyleFactors;
        _asOf = universe.AsOf;
        foreach (var symbol in _symbols)
        {
            var fit = StyleBetas.Estimate(symbol, _factors, _asOf);
            Workload.Require(fit.HasValue && fit.Value.Observations == StyleBetas.DefaultWindow, $"{symbol.Name} has no 90-day style betas");
        }
    }

    [Benchmark]
    public double RidgeStyleBetas()
    {
        var sum = 0.0;
        foreach (var symbol in _symbols) sum += StyleBetas.Estimate(symbol, _factors, _asOf).Value.Betas[0].Beta;
        return sum;
    }
}
