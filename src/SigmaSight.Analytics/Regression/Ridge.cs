using MathNet.Numerics.LinearAlgebra;
using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Regression;

/// <summary>The ridge solve behind <see cref="StyleBetas"/>: series 0 of the alignment is y, series 1.. are the factors.</summary>
internal static class Ridge
{
    private const int StackLimit = 512;

    public static Estimate<RidgeFit> Fit(AlignedReturns aligned, string symbol, IReadOnlyList<FactorProxy> factors, double lambda)
    {
        var n = aligned.Count;
        var k = factors.Count;
        var y = aligned.ReturnsOf(0);
        if (Ols.IsConstant(y)) return Estimates.Missing<RidgeFit>(Ols.ConstantReason(symbol, n));

        var means = new double[k];
        var sds = new double[k];
        for (var f = 0; f < k; f++)
        {
            var x = aligned.ReturnsOf(f + 1);
            if (Ols.IsConstant(x)) return Estimates.Missing<RidgeFit>(Ols.ConstantReason(factors[f].Closes.Name, n));
            means[f] = Mean(x);
            sds[f] = Math.Sqrt(CentredCrossProduct(x, means[f], x, means[f]) / n);
        }

        var meanY = Mean(y);
        var gram = Matrix<double>.Build.Dense(k, k);
        var rhs = Vector<double>.Build.Dense(k);
        for (var f = 0; f < k; f++)
        {
            var xf = aligned.ReturnsOf(f + 1);
            for (var g = 0; g <= f; g++)
            {
                var zz = CentredCrossProduct(xf, means[f], aligned.ReturnsOf(g + 1), means[g]) / (sds[f] * sds[g]);
                gram[f, g] = zz;
                gram[g, f] = zz;
            }

            gram[f, f] += lambda;
            rhs[f] = CentredCrossProduct(xf, means[f], y, meanY) / sds[f];
        }

        var b = gram.Cholesky().Solve(rhs);
        var raw = new double[k];
        var intercept = meanY;
        for (var f = 0; f < k; f++)
        {
            raw[f] = b[f] / sds[f];
            intercept -= raw[f] * means[f];
        }

        return Estimates.Of(new RidgeFit(Clip(raw, factors), intercept, RSquared(aligned, raw, means, meanY), n, lambda));
    }

    private static double RSquared(AlignedReturns aligned, double[] raw, double[] means, double meanY)
    {
        var y = aligned.ReturnsOf(0);
        Span<double> residual = y.Length <= StackLimit ? stackalloc double[y.Length] : new double[y.Length];
        double sst = 0, ssr = 0;
        for (var i = 0; i < y.Length; i++)
        {
            residual[i] = y[i] - meanY;
            sst += residual[i] * residual[i];
        }

        for (var f = 0; f < raw.Length; f++)
        {
            var x = aligned.ReturnsOf(f + 1);
            for (var i = 0; i < x.Length; i++) residual[i] -= raw[f] * (x[i] - means[f]);
        }

        foreach (var r in residual) ssr += r * r;
        return 1.0 - (ssr / sst);
    }

    private static FactorBeta[] Clip(double[] raw, IReadOnlyList<FactorProxy> factors)
    {
        var betas = new FactorBeta[raw.Length];
        for (var f = 0; f < raw.Length; f++)
            betas[f] = new FactorBeta(factors[f].Factor, Math.Clamp(raw[f], -Ols.BetaLimit, Ols.BetaLimit), Math.Abs(raw[f]) > Ols.BetaLimit);
        return betas;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    private static double CentredCrossProduct(ReadOnlySpan<double> a, double meanA, ReadOnlySpan<double> b, double meanB)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - meanA) * (b[i] - meanB);
        return sum;
    }
}
