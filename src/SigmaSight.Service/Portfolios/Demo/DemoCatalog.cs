using System.Collections.Frozen;
using SigmaSight.Service.MarketData;

namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// The five SigmaSight demo portfolios (reference §4), their priced securities and the closes the synthetic market
/// is anchored to. Every lot is entered on <see cref="OriginalEntryDate"/>.
/// </summary>
/// <remarks>
/// Σ quantity × entry price against equity (options count 0, their entry price being 0):
/// Individual 484,986.03 vs 485,000 (99.997 %); High Net Worth 2,844,520.58 vs 2,850,000 (99.81 %) only with the
/// nine duplicate lots kept (the 30 seeded lots give 2,564,393.94, 89.98 %); Hedge Fund longs 4,159,974.43 vs
/// 3,200,000 and shorts −2,240,000.46 (130 % long / 70 % short after resizing the original's 100 % / 50 %, issue 8
/// point 7); Family Office Public Growth 1,251,718.31 vs 1,250,000 (100.14 %); Family Office Private Opportunities
/// 950,000.00, exactly its equity.
/// </remarks>
public static partial class DemoCatalog
{
    // Static initialisers run in textual order: this table must precede AnchorCloses.
    /// <summary>Levels on 2025-06-30 for priced symbols no demo portfolio holds.</summary>
    private static readonly Dictionary<string, decimal> UnheldLevels = new(StringComparer.Ordinal)
    {
        ["TLT"] = 86.50m,
        ["VTV"] = 175.20m,
        ["VUG"] = 430.10m,
        ["MTUM"] = 220.40m,
        ["QUAL"] = 185.30m,
        ["IWM"] = 215.60m,
        ["USMV"] = 93.40m,
        ["VIX"] = 16.7300m,
    };

    /// <summary>
    /// The annualised volatility of daily returns every demo portfolio keeps over the demo window (issue 8 point 7):
    /// sample SD × √252 in [Min, Max].
    /// </summary>
    public static (double Min, double Max) VolatilityBounds { get; } = (0.03, 0.40);

    /// <summary>The entry date of every demo lot in the original seed.</summary>
    public static DateOnly OriginalEntryDate { get; } = new(2025, 6, 30);

    /// <summary>The style and macro factor ETFs the price store must contain (reference §4.3).</summary>
    public static IReadOnlyList<string> FactorEtfs { get; } = ["SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"];

    /// <summary>The five demo portfolios, in the order of reference §4.1.</summary>
    public static IReadOnlyList<DemoPortfolio> Portfolios { get; } = BuildPortfolios();

    /// <summary>Every PUBLIC symbol, factor ETF and option underlying (VIX as INDEX), by symbol.</summary>
    public static IReadOnlyDictionary<string, SecurityReference> Securities { get; } =
        BuildSecurities().ToFrozenDictionary(s => s.Symbol, StringComparer.Ordinal);

    /// <summary>
    /// The close of each priced symbol on <see cref="OriginalEntryDate"/>: the catalog's entry price for held
    /// symbols (all lots of a symbol share one), a plausible level for factor ETFs not held and for VIX.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> AnchorCloses { get; } = BuildAnchorCloses(Portfolios);

    private static FrozenDictionary<string, decimal> BuildAnchorCloses(IReadOnlyList<DemoPortfolio> portfolios)
    {
        var closes = new Dictionary<string, decimal>(UnheldLevels, StringComparer.Ordinal);
        foreach (var lot in portfolios.SelectMany(p => p.Lots).Where(l => l.InvestmentClass == LotCodes.Public))
        {
            if (closes.TryGetValue(lot.Symbol, out var known) && known != lot.EntryPrice)
            {
                throw new InvalidOperationException($"Demo symbol {lot.Symbol} has two entry prices.");
            }

            closes[lot.Symbol] = lot.EntryPrice;
        }

        return closes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
