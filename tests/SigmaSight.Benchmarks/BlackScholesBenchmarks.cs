using BenchmarkDotNet.Attributes;
using SigmaSight.Analytics.Options;

namespace SigmaSight.Benchmarks;

/// <summary>One operation: price, delta, gamma, theta and vega of 10,000 European options (<see cref="BlackScholes.Value"/>).</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class BlackScholesBenchmarks
{
    private const double RiskFreeRate = 0.04;
    private OptionKind[] _kinds = [];
    private double[] _spots = [];
    private double[] _strikes = [];
    private double[] _years = [];
    private double[] _volatilities = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Workload.Seed);
        var n = Workload.Options;
        _kinds = new OptionKind[n];
        _spots = new double[n];
        _strikes = new double[n];
        _years = new double[n];
        _volatilities = new double[n];
        for (var i = 0; i < n; i++)
        {
            _kinds[i] = i % 2 == 0 ? OptionKind.Call : OptionKind.Put;
            _spots[i] = 20.0 + (380.0 * random.NextDouble());
            _strikes[i] = _spots[i] * (0.7 + (0.6 * random.NextDouble()));
            _years[i] = (1.0 + (729.0 * random.NextDouble())) / 365.0;
            _volatilities[i] = 0.1 + (0.7 * random.NextDouble());
        }
    }

    [Benchmark]
    public double BlackScholesGreeks()
    {
        var sum = 0.0;
        for (var i = 0; i < _spots.Length; i++)
        {
            var v = BlackScholes.Value(_kinds[i], _spots[i], _strikes[i], _years[i], RiskFreeRate, _volatilities[i]);
            sum += v.Price + v.Delta + v.Gamma + v.ThetaPerTradingDay + v.VegaPerVolPoint;
        }

        return sum;
    }
}
