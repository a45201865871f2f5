using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Options;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk.Symbols;

using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>Loads <see cref="RiskInputs"/>; a missing snapshot fails at once ("missing snapshot"): risk never runs on stale equity.</summary>
public sealed class RiskInputLoader(SigmaSightDbContext db, CloseHistoryCache closeCache, IOptions<AnalyticsOptions> options)
{
    public async Task<RiskInputs> LoadAsync(Guid runId, Guid portfolioId, DateOnly asOf, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var name = await db.Portfolios.Where(p => p.Id == portfolioId).Select(p => p.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await db.PortfolioSnapshots.AsNoTracking()
            .SingleOrDefaultAsync(s => s.PortfolioId == portfolioId && s.SnapshotDate == asOf, cancellationToken).ConfigureAwait(false)
            ?? throw new NonTransientBatchException($"out of order: missing snapshot for {name} on {asOf:yyyy-MM-dd}: portfolio risk " +
                "needs the day's snapshot (a run that is rebuilding the portfolio computes its risk when it has written it)");
        var values = await db.PositionValues.AsNoTracking().Where(v => v.PortfolioId == portfolioId && v.ValueDate == asOf)
            .Join(db.Positions.AsNoTracking(), v => v.PositionId, p => p.Id, (v, p) => new { v, p })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var symbols = values.Select(x => x.p.InvestmentClass == "OPTIONS" ? x.p.UnderlyingSymbol : x.p.Symbol).OfType<string>().ToList();
        var securities = await db.Securities.AsNoTracking().Where(s => symbols.Contains(s.Symbol))
            .ToDictionaryAsync(s => s.Symbol, cancellationToken).ConfigureAwait(false);
        var factors = await db.FactorDefinitions.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.DisplayOrder)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var proxies = factors.Select(f => FactorCatalog.ProxyOf(f.Name, f.EtfProxy, settings.MarketBenchmark))
            .Append(settings.MarketBenchmark).Append(settings.RateProxy);
        var closes = await closeCache.LoadAsync(db, runId, [.. symbols.Concat(proxies).Distinct(StringComparer.Ordinal)],
            calendar.AddTradingDays(asOf, -settings.HistoryTradingDays), asOf, cancellationToken).ConfigureAwait(false);

        var lots = values.Select(x => new HeldLot(x.p, x.v, Holding(x.p, x.v, securities, closes, asOf))).ToList();
        var held = lots.Select(l => l.Holding.RiskSymbol).OfType<string>().Distinct().ToList();
        var exposures = await db.SymbolFactorExposures.AsNoTracking().Where(e => held.Contains(e.Symbol) && e.AsOf == asOf)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var volatility = await db.SymbolVolatilities.AsNoTracking().Where(v => held.Contains(v.Symbol) && v.AsOf == asOf)
            .ToDictionaryAsync(v => v.Symbol, cancellationToken).ConfigureAwait(false);
        var benchmarkDate = await db.SectorBenchmarkWeights.Where(w => w.Benchmark == SectorBenchmarkWeight.Sp500 && w.AsOf <= asOf)
            .MaxAsync(w => (DateOnly?)w.AsOf, cancellationToken).ConfigureAwait(false);
        var benchmark = await db.SectorBenchmarkWeights.AsNoTracking()
            .Where(w => w.Benchmark == SectorBenchmarkWeight.Sp500 && w.AsOf == benchmarkDate)
            .ToDictionaryAsync(w => w.Sector, w => w.Weight, cancellationToken).ConfigureAwait(false);
        var scenarios = await db.StressScenarios.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.DisplayOrder)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new RiskInputs(portfolioId, name, asOf, snapshot, lots, closes, exposures, volatility, benchmark, scenarios, factors);
    }

    private static RiskHolding Holding(Service.Portfolios.Position position, Pnl.PositionValue value,
        IReadOnlyDictionary<string, MarketData.Security> securities, IReadOnlyDictionary<string, Analytics.Series.DatedCloses> closes,
        DateOnly asOf)
    {
        switch (position.InvestmentClass)
        {
            case "PRIVATE":
                return RiskHolding.Private(position.Symbol, value.MarketValue);
            case "OPTIONS":
                var underlying = position.UnderlyingSymbol!;
                var spot = LastClose(closes, underlying, asOf)
                    ?? throw new NonTransientBatchException($"option {position.Symbol}: no close of its underlying {underlying} on or before {asOf:yyyy-MM-dd}");
                var exposure = OptionPositions.DeltaAdjustedExposure(value.Delta ?? 0, position.Quantity, spot);
                return RiskHolding.Option(position.Symbol, underlying, value.MarketValue, exposure);
            default:
                var security = securities.GetValueOrDefault(position.Symbol);
                return security?.AssetType is "ETF" or "MUTUAL_FUND" or "FUND" or "INDEX"
                    ? RiskHolding.Etf(position.Symbol, value.MarketValue)
                    : RiskHolding.Stock(position.Symbol, value.MarketValue, security?.Sector);
        }
    }

    internal static decimal? LastClose(IReadOnlyDictionary<string, Analytics.Series.DatedCloses> closes, string symbol, DateOnly asOf)
    {
        if (!closes.TryGetValue(symbol, out var series) || series.Count == 0) return null;
        var dates = series.Dates;
        for (var i = dates.Length - 1; i >= 0; i--)
            if (dates[i] <= asOf) return (decimal)series.Closes[i];
        return null;
    }
}
