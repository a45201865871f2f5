namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>How a scenario states a factor's shock.</summary>
public enum ShockUnit
{
    /// <summary>A decimal return of the factor proxy (−0.35 = −35%).</summary>
    Return,

    /// <summary>A decimal yield change Δy (0.01 = +100 bp), converted to the proxy return −duration × Δy.</summary>
    YieldChange,
}
