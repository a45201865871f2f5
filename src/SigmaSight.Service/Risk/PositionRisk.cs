namespace SigmaSight.Service.Risk;

/// <summary>
/// Risk figures of one lot as of a trading day (phase 4): its symbol's market beta and volatilities (an option's
/// are its underlying's), and for options the Black–Scholes price and Greeks. Every figure is null when not
/// applicable or not computable.
/// </summary>
public sealed class PositionRisk
{
    public Guid PositionId { get; set; }

    public Guid PortfolioId { get; set; }

    public DateOnly AsOf { get; set; }

    public double? MarketBeta { get; set; }

    public double? RealizedVol21d { get; set; }

    public double? RealizedVol63d { get; set; }

    public double? ExpectedVol21d { get; set; }

    /// <summary>Options: the model price per unit of the underlying (× 100 per contract for the market value).</summary>
    public decimal? Price { get; set; }

    public double? Delta { get; set; }

    /// <summary>Per $1 of the underlying.</summary>
    public double? Gamma { get; set; }

    /// <summary>Per trading day.</summary>
    public double? Theta { get; set; }

    /// <summary>Per volatility point.</summary>
    public double? Vega { get; set; }

    /// <summary>Options: delta × underlying close × quantity × 100; other lots: their signed market value.</summary>
    public decimal? DeltaAdjustedExposure { get; set; }
}
