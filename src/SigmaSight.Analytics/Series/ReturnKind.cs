namespace SigmaSight.Analytics.Series;

/// <summary>How a return between two consecutive aligned closes is measured.</summary>
public enum ReturnKind
{
    /// <summary>r = P_t / P_(t−1) − 1; the default for every figure except correlations.</summary>
    Simple,

    /// <summary>r = ln(P_t / P_(t−1)); used for correlations only.</summary>
    Log,
}
