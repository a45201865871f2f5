namespace SigmaSight.Service.Risk;

/// <summary>The labels of a volatility trend (analytics conventions: |slope| &gt; 0.001 and R² &gt; 0.3, else stable).</summary>
public static class VolatilityTrends
{
    public const string Increasing = "increasing";
    public const string Decreasing = "decreasing";
    public const string Stable = "stable";
}
