namespace SigmaSight.Service.Risk;

/// <summary>
/// One symbol's beta to one factor as of a trading day (phase 2). A figure that could not be computed is stored
/// with null statistics and its <see cref="Reason"/> ("insufficient history: 17 of 30 observations").
/// </summary>
public sealed class SymbolFactorExposure
{
    public required string Symbol { get; set; }

    /// <summary>A <see cref="FactorDefinition.Name"/>.</summary>
    public required string Factor { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>The slope, clipped to ±5 (see <see cref="Clipped"/>).</summary>
    public double? Beta { get; set; }

    /// <summary>The daily intercept.</summary>
    public double? Alpha { get; set; }

    public double? RSquared { get; set; }

    /// <summary>Standard error of the slope.</summary>
    public double? StdError { get; set; }

    /// <summary>Aligned returns used (or available, when too few).</summary>
    public int Observations { get; set; }

    /// <summary>A <see cref="FactorMethods"/> value.</summary>
    public required string Method { get; set; }

    /// <summary>The window in trading days (90 for OLS and ridge, 150 for spreads).</summary>
    public int WindowDays { get; set; }

    /// <summary>True when the unclipped slope was beyond ±5.</summary>
    public bool Clipped { get; set; }

    /// <summary>Why the figure is null; null when it was computed.</summary>
    public string? Reason { get; set; }
}
