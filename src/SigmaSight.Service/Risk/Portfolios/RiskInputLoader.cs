using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Options;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;
using SigmaSight.Service.Risk.Symbols;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>
/// Loads <see cref="RiskInputs"/>: one batch of the portfolio's own rows (<see cref="RiskInputBatch"/>), then the symbols' analytics
/// and reference data (<see cref="RiskReferenceCache"/>) and the closes (<see cref="CloseHistoryCache"/>) from the run's caches.
/// A missing snapshot fails at once ("missing snapshot"): risk never runs on stale equity.
/// </summary>
public sealed class RiskInputLoader(
    SigmaSightDbContext db, CloseHistoryCache closeCache, RiskReferenceCache referenceCache, IOptions<AnalyticsOptions> options)
{
    public async Task<RiskInputs> LoadAsync(Guid runId, Guid portfolioId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var read = await RiskInputBatch.ReadPortfolioAsync(connection, runId, portfolioId, asOf, cancellationToken).ConfigureAwait(false);
        var name = read.PortfolioName ?? throw new NonTransientBatchException($"portfolio {portfolioId} does not exist");
        var snapshot = read.Snapshot
            ?? throw new NonTransientBatchException($"out of order: missing snapshot for {name} on {asOf:yyyy-MM-dd}: portfolio risk " +
                "needs the day's snapshot (a run that is rebuilding the portfolio computes its risk when it has written it)");
        // Every symbol (or option underlying) the portfolio values that day; the holdings keep the ones they use.
        var symbols = read.Lots.Select(x => x.Position.InvestmentClass == LotCodes.Options ? x.Position.UnderlyingSymbol : x.Position.Symbol)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var shared = await referenceCache.GetAsync(connection, runId, read.Generation, asOf, cancellationToken).ConfigureAwait(false);
        var calendar = new NyseCalendar(shared.Closures);
        var settings = options.Value;
        var proxies = shared.Factors.Select(f => FactorCatalog.ProxyOf(f.Name, f.EtfProxy, settings))
            .Append(settings.MarketBenchmark).Append(settings.RateProxy);
        var closes = await closeCache.LoadAsync(db, runId, [.. symbols.Concat(proxies).Distinct(StringComparer.Ordinal)],
            calendar.AddTradingDays(asOf, -settings.HistoryTradingDays), asOf, cancellationToken).ConfigureAwait(false);

        var lots = read.Lots.Select(x => new HeldLot(x.Position, x.Value, Holding(x.Position, x.Value, shared.Securities, closes, asOf))).ToList();
        var held = lots.Select(l => l.Holding.RiskSymbol).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var exposures = held.SelectMany(s => shared.Exposures[s]).ToList();
        var volatility = held.Where(shared.Volatility.ContainsKey).ToDictionary(s => s, s => shared.Volatility[s], StringComparer.Ordinal);
        return new RiskInputs(portfolioId, name, asOf, snapshot, read.SnapshotReturns, lots, closes, exposures, volatility,
            shared.BenchmarkWeights, shared.Scenarios, shared.Factors, calendar) { HasStoredRows = read.HasStoredRows };
    }

    private static RiskHolding Holding(Service.Portfolios.Position position, Pnl.PositionValue value,
        IReadOnlyDictionary<string, MarketData.Security> securities, IReadOnlyDictionary<string, Analytics.Series.DatedCloses> closes,
        DateOnly asOf)
    {
        switch (position.InvestmentClass)
        {
            case LotCodes.Private:
                return RiskHolding.Private(position.Symbol, value.MarketValue);
            case LotCodes.Options:
                var underlying = position.UnderlyingSymbol!;
                var spot = LastClose(closes, underlying, asOf)
                    ?? throw new NonTransientBatchException($"option {position.Symbol}: no close of its underlying {underlying} on or before {asOf:yyyy-MM-dd}");
                var exposure = OptionPositions.DeltaAdjustedExposure(value.Delta ?? 0, position.Quantity, spot);
                return RiskHolding.Option(position.Symbol, underlying, value.MarketValue, exposure);
            default:
                var security = securities.GetValueOrDefault(position.Symbol);
                return AssetTypes.IsFundLike(security?.AssetType)
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
