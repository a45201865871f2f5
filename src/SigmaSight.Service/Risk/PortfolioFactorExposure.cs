namespace SigmaSight.Service.Risk;

/// <summary>
/// A portfolio's exposure to one factor as of a trading day (phase 4): Σ wᵢ βᵢ over the positions open at the close
/// (options delta-adjusted), and that exposure × NAV. Symbols without a beta for the day are listed, not counted as 0.
/// </summary>
public sealed class PortfolioFactorExposure
{
    public Guid PortfolioId { get; set; }

    /// <summary>A <see cref="FactorDefinition.Name"/>.</summary>
    public required string Factor { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>Σ wᵢ βᵢ with wᵢ = signed (delta-adjusted) market value / NAV.</summary>
    public double? Exposure { get; set; }

    /// <summary><see cref="Exposure"/> × NAV, in the portfolio's currency.</summary>
    public decimal? ExposureDollar { get; set; }

    /// <summary>Share (0..1) of the gross weight of the factor's eligible positions whose symbol had a beta.</summary>
    public double Coverage { get; set; }

    /// <summary>Symbols held on the day without a beta for it.</summary>
    public List<string> MissingSymbols { get; set; } = [];

    /// <summary>Private assets held on the day, which have no beta by nature and are left out of the exposure.</summary>
    public List<string> PrivateSymbols { get; set; } = [];
}
