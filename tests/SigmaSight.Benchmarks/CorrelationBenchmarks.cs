using BenchmarkDotNet.Attributes;
using SigmaSight.Analytics.Risk.Correlations;
using SigmaSight.Analytics.Series;

namespace SigmaSight.Benchmarks;

/// <summary>
/// One operation: the 50-symbol correlation figures from 90 aligned log returns (<see cref="CorrelationCalculator.Compute"/>:
/// Pearson matrix, eigenvalue check, summary) plus the PSD repair of a 50 × 50 matrix that is not positive
/// semi-definite (<see cref="PositiveSemidefinite.Repair"/>: eigendecomposition, clip, rescale).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class CorrelationBenchmarks
{
    private CorrelationMember[] _members = [];
    private Dictionary<string, double[]> _logReturns = [];
    private double[,] _notPsd = new double[0, 0];

    [GlobalSetup]
    public void Setup()
    {
        var universe = SyntheticUniverse.Create(Workload.CorrelationSymbols, Workload.Days, Workload.Seed);
        var symbols = universe.Symbols.ToArray();
        var aligned = ReturnAlignment.Align(symbols, universe.AsOf, CorrelationCalculator.DefaultWindow, ReturnKind.Log);
        _logReturns = symbols.Select((s, i) => (s.Name, Returns: aligned.ReturnsOf(i).ToArray())).ToDictionary(p => p.Name, p => p.Returns);
        _members = [.. symbols.Select((s, i) => new CorrelationMember(s.Name, (i % 5 == 4 ? -1 : 1) * (10_000m + (1_000m * i))))];

        var figures = CorrelationCalculator.Compute(_members, _logReturns).Value;
        Workload.Require(figures is { Observations: CorrelationCalculator.DefaultWindow }, "no 90-day correlation figures");
        _notPsd = Inconsistent(figures!.Matrix);
        Workload.Require(PositiveSemidefinite.Repair(_notPsd).Adjusted, "the constructed matrix is already PSD");
    }

    [Benchmark]
    public double CorrelationWithPsdFix()
    {
        var figures = CorrelationCalculator.Compute(_members, _logReturns).Value!;
        var repair = PositiveSemidefinite.Repair(_notPsd);
        return figures.OverallCorrelation + repair.Matrix[0, 1];
    }

    /// <summary>The matrix with ρ01 = ρ02 = 0.95 and ρ12 = −0.95: three correlations no returns can have together.</summary>
    private static double[,] Inconsistent(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var n = rows.Count;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) matrix[i, j] = rows[i][j];
        }

        (matrix[0, 1], matrix[1, 0]) = (0.95, 0.95);
        (matrix[0, 2], matrix[2, 0]) = (0.95, 0.95);
        (matrix[1, 2], matrix[2, 1]) = (-0.95, -0.95);
        return matrix;
    }
}
