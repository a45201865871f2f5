namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>Pearson correlation of aligned series, array-based (no allocation per pair).</summary>
internal static class PearsonMatrix
{
    /// <summary>
    /// ρ_ij = Σ_t d_i,t d_j,t / √(Σ d_i² Σ d_j²), d = x − mean, over the last <paramref name="observations"/> values of
    /// each series; unit diagonal. Returns null and the first constant series' index when a series has zero variance.
    /// </summary>
    public static (double[,]? Matrix, int ConstantIndex) Compute(IReadOnlyList<double[]> series, int observations)
    {
        var n = series.Count;
        var z = new double[n * observations];
        for (var i = 0; i < n; i++)
        {
            var x = series[i];
            var offset = x.Length - observations;
            var mean = 0.0;
            for (var t = 0; t < observations; t++) mean += x[offset + t];
            mean /= observations;
            var sumSquares = 0.0;
            for (var t = 0; t < observations; t++)
            {
                var d = x[offset + t] - mean;
                z[(i * observations) + t] = d;
                sumSquares += d * d;
            }

            if (sumSquares == 0) return (null, i);
            var scale = 1.0 / Math.Sqrt(sumSquares);
            for (var t = 0; t < observations; t++) z[(i * observations) + t] *= scale;
        }

        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            matrix[i, i] = 1.0;
            var rowI = new ReadOnlySpan<double>(z, i * observations, observations);
            for (var j = i + 1; j < n; j++)
            {
                var rho = 0.0;
                var rowJ = new ReadOnlySpan<double>(z, j * observations, observations);
                for (var t = 0; t < observations; t++) rho += rowI[t] * rowJ[t];
                matrix[i, j] = rho;
                matrix[j, i] = rho;
            }
        }

        return (matrix, -1);
    }
}
