namespace SigmaSight.Analytics.Regression;

/// <summary>
/// Least squares min ‖A p − y‖ for a tall, thin design (a handful of columns) by Householder QR, in place and
/// without allocating. MathNet's general QR costs ~30 kB and tens of µs for a 211 × 4 design; the HAR forecast
/// runs once per symbol per night, so it uses this instead.
/// </summary>
internal static class HouseholderLeastSquares
{
    /// <summary>A column whose part orthogonal to the earlier columns is below this share of its norm is collinear.</summary>
    private const double RankTolerance = 1e-12;

    /// <summary>
    /// Solves for <paramref name="solution"/> (length <paramref name="columns"/>). <paramref name="design"/> is
    /// column-major (rows × columns) and is overwritten, as is <paramref name="y"/>.
    /// </summary>
    /// <returns>False when the columns are (numerically) linearly dependent; the solution is then undefined.</returns>
    public static bool TrySolve(Span<double> design, int rows, int columns, Span<double> y, Span<double> solution)
    {
        Span<double> diagonal = stackalloc double[columns];
        for (var k = 0; k < columns; k++)
        {
            var v = design.Slice(k * rows, rows);
            var original = Math.Sqrt(SumOfSquares(v));
            var norm = Math.Sqrt(SumOfSquares(v[k..]));
            if (norm <= RankTolerance * original || norm == 0) return false;

            // Reflect column k onto e_k: v = x − α e_k with α = −sign(x_k)‖x‖ (no cancellation); R_kk = α.
            var alpha = v[k] > 0 ? -norm : norm;
            v[k] -= alpha;
            diagonal[k] = alpha;
            var vv = SumOfSquares(v[k..]);
            for (var j = k + 1; j < columns; j++) Reflect(v, design.Slice(j * rows, rows), k, vv);
            Reflect(v, y, k, vv);
        }

        for (var k = columns - 1; k >= 0; k--)
        {
            var sum = y[k];
            for (var j = k + 1; j < columns; j++) sum -= design[(j * rows) + k] * solution[j];
            solution[k] = sum / diagonal[k];
        }

        return true;
    }

    /// <summary>x ← (I − 2 v vᵀ / vᵀv) x on rows k.. (v is zero above row k).</summary>
    private static void Reflect(ReadOnlySpan<double> v, Span<double> x, int k, double vv)
    {
        double dot = 0;
        for (var i = k; i < x.Length; i++) dot += v[i] * x[i];
        var factor = 2.0 * dot / vv;
        for (var i = k; i < x.Length; i++) x[i] -= factor * v[i];
    }

    private static double SumOfSquares(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var value in values) sum += value * value;
        return sum;
    }
}
