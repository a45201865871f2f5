namespace SigmaSight.Analytics.Regression;

/// <summary>The unclipped least-squares line through (x, y) and its sums of squares; shared by the OLS kernels.</summary>
internal readonly record struct Line(double Slope, double Intercept, double RSquared, double ResidualSumOfSquares, double RegressorSumOfSquares)
{
    /// <summary>
    /// Two passes for the means and centred sums, a third for the residuals. R² is 0 when y is constant.
    /// The caller checks that every value is finite and that x is not constant.
    /// </summary>
    public static Line Fit(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        var n = y.Length;
        double sumX = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            sumX += x[i];
            sumY += y[i];
        }

        double meanX = sumX / n, meanY = sumY / n, sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        var slope = sxy / sxx;
        double ssr = 0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - meanY - (slope * (x[i] - meanX));
            ssr += residual * residual;
        }

        return new Line(slope, meanY - (slope * meanX), syy == 0 ? 0 : 1.0 - (ssr / syy), ssr, sxx);
    }
}
