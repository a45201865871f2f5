namespace SigmaSight.Service.Risk;

/// <summary>
/// A portfolio's weight in one sector as of a trading day (phase 4). Stocks go to their GICS sector; ETFs, options
/// and private assets to buckets of their own. Net weights are compared with the benchmark's.
/// </summary>
public sealed class PortfolioSectorExposure
{
    public Guid PortfolioId { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>A GICS sector name or a bucket name.</summary>
    public required string Sector { get; set; }

    /// <summary>Σ signed market value of the sector / Σ signed market value of the equity sleeve; null for buckets.</summary>
    public double? NetWeight { get; set; }

    /// <summary>Σ |market value| of the sector / NAV.</summary>
    public double? GrossWeight { get; set; }

    /// <summary>The benchmark's weight in the sector on or before the day; null for buckets and unknown sectors.</summary>
    public double? BenchmarkWeight { get; set; }

    /// <summary>Σ signed market value of the sector, in currency.</summary>
    public decimal MarketValue { get; set; }
}
