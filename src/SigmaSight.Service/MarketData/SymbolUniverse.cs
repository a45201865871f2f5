using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.MarketData;

/// <summary>The symbols a run prices: public lots, option underlyings and the factor proxies.</summary>
public static class SymbolUniverse
{
    /// <summary>Market, rates and style proxies of the default configuration (DESIGN §4, analytics conventions).</summary>
    public static IReadOnlyList<string> FactorEtfs { get; } = ["SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"];

    /// <summary>
    /// Held symbols and option underlyings of the scope, plus the proxies of the active factor definitions (both legs
    /// of a spread), the configured market benchmark and rate proxy (NYA for the Dow Jones data), sorted.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ForScopeAsync(
        SigmaSightDbContext db, string scope, AnalyticsOptions analytics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(analytics);
        var held = await HeldAsync(db, scope, cancellationToken).ConfigureAwait(false);
        var factors = await db.FactorDefinitions.AsNoTracking().Where(f => f.IsActive)
            .Select(f => new { f.Name, f.EtfProxy, f.SpreadShortProxy }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var proxies = factors.SelectMany(f => Risk.FactorCatalog.ProxiesOf(f.Name, f.EtfProxy, f.SpreadShortProxy, analytics))
            .Append(analytics.MarketBenchmark).Append(analytics.RateProxy);
        return [.. held.Concat(proxies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The public symbols and option underlyings held (at any time) by the portfolios of the scope.</summary>
    public static async Task<HashSet<string>> HeldAsync(SigmaSightDbContext db, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var portfolioIds = RunScope.Portfolios(db, scope).Select(p => p.Id);
        var held = await db.Positions.AsNoTracking()
            .Where(p => portfolioIds.Contains(p.PortfolioId) && p.InvestmentClass != LotCodes.Private)
            .Select(p => p.InvestmentClass == LotCodes.Options ? p.UnderlyingSymbol : p.Symbol)
            .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return held.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
