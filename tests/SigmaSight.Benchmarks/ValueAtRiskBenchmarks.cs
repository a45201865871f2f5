using BenchmarkDotNet.Attributes;
using SigmaSight.Analytics.Risk.ValueAtRisk;

namespace SigmaSight.Benchmarks;

/// <summary>
/// One operation: one portfolio's historical VaR/ES over 252 daily P&amp;Ls and parametric VaR/ES over its last 63
/// returns (<see cref="ValueAtRiskCalculator.Historical"/> and <see cref="ValueAtRiskCalculator.Parametric"/>).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class ValueAtRiskBenchmarks
{
    private const decimal Nav = 2_500_000m;
    private double[] _pnl = [];
    private double[] _returns = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Workload.Seed);
        _returns = new double[ValueAtRiskCalculator.HistoricalWindow];
        _pnl = new double[ValueAtRiskCalculator.HistoricalWindow];
        for (var t = 0; t < _returns.Length; t++)
        {
            _returns[t] = 0.012 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2.0;
            _pnl[t] = _returns[t] * (double)Nav;
        }

        Workload.Require(ValueAtRiskCalculator.Historical(_pnl).Value is not null, "no historical VaR");
        Workload.Require(ValueAtRiskCalculator.Parametric(_returns, Nav).Value is not null, "no parametric VaR");
    }

    [Benchmark]
    public decimal HistoricalAndParametricVar() =>
        ValueAtRiskCalculator.Historical(_pnl).Value!.Var99 + ValueAtRiskCalculator.Parametric(_returns, Nav).Value!.Var99;
}
