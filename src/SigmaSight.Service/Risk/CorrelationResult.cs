namespace SigmaSight.Service.Risk;

/// <summary>
/// A portfolio's correlation matrix as of a trading day over a window of log returns (phase 4): Pearson on the
/// dates where every included symbol has a close, made positive semi-definite when needed.
/// </summary>
public sealed class CorrelationResult
{
    public Guid PortfolioId { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>The window in trading days (90 by convention).</summary>
    public int WindowDays { get; set; }

    /// <summary>Mean |ρ| over the upper triangle.</summary>
    public double? OverallCorrelation { get; set; }

    /// <summary>1 / max(wᵀCw, 1e-12) with w = signed market value / gross exposure.</summary>
    public double? EffectivePositions { get; set; }

    /// <summary>Aligned returns used.</summary>
    public int Observations { get; set; }

    /// <summary>True when the sample matrix was not positive semi-definite and was repaired.</summary>
    public bool PsdAdjusted { get; set; }

    /// <summary>The included symbols (lots merged, options as their underlying), in matrix order.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>The matrix, row by row, in <see cref="Symbols"/> order.</summary>
    public double[][] Matrix { get; set; } = [];
}
