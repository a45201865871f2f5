using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>The symbols a run prices: public lots, option underlyings and the factor ETFs.</summary>
public static class SymbolUniverse
{
    /// <summary>Market, rates and style proxies every run loads (DESIGN §4, analytics conventions).</summary>
    public static IReadOnlyList<string> FactorEtfs { get; } = ["SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"];

    public static async Task<IReadOnlyList<string>> ForScopeAsync(
        SigmaSightDbContext db, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var portfolioIds = RunScope.Portfolios(db, scope).Select(p => p.Id);
        var held = await db.Positions.AsNoTracking()
            .Where(p => portfolioIds.Contains(p.PortfolioId) && p.InvestmentClass != "PRIVATE")
            .Select(p => p.InvestmentClass == "OPTIONS" ? p.UnderlyingSymbol : p.Symbol)
            .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. held.OfType<string>().Concat(FactorEtfs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
