using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Pnl;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Pnl;

/// <summary>Loads, with a few set-based queries, everything one (portfolio, date) needs except the previous snapshot.</summary>
public sealed class PnlInputLoader(SigmaSightDbContext db)
{
    /// <summary>Closes before the portfolio's inception loaded for option volatility (63 returns) and stale look-backs.</summary>
    private const int HistoryTradingDays = 80;

    public async Task<PnlInputs> LoadAsync(Guid portfolioId, DateOnly date, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == portfolioId, cancellationToken)
            .ConfigureAwait(false) ?? throw new NonTransientBatchException($"portfolio {portfolioId} does not exist");
        if (portfolio.Currency != "USD")
            throw new NonTransientBatchException($"{portfolio.Name}: currency {portfolio.Currency} is not supported (USD only)");

        var positions = await db.Positions.AsNoTracking().Where(p => p.PortfolioId == portfolioId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var flows = await db.EquityChanges.AsNoTracking().Where(e => e.PortfolioId == portfolioId && e.ChangeDate <= date)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var positionIds = positions.Select(p => p.Id).ToList();
        var valuations = await db.PrivateValuations.AsNoTracking()
            .Where(v => positionIds.Contains(v.PositionId) && v.ValuationDate <= date)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var symbols = positions.Where(p => p.InvestmentClass != "PRIVATE")
            .Select(p => p.InvestmentClass == "OPTIONS" ? p.UnderlyingSymbol ?? p.Symbol : p.Symbol)
            .Distinct(StringComparer.Ordinal).ToList();
        var from = calendar.AddTradingDays(portfolio.InceptionDate < date ? portfolio.InceptionDate : date, -HistoryTradingDays);
        var prices = await db.Prices.AsNoTracking()
            .Where(p => symbols.Contains(p.Symbol) && p.Date >= from && p.Date <= date)
            .OrderBy(p => p.Date).Select(p => new { p.Symbol, p.Date, p.Close })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var series = symbols.ToDictionary(s => s, s => new PriceSeries(s,
            prices.Where(p => p.Symbol == s).Select(p => KeyValuePair.Create(p.Date, p.Close))), StringComparer.Ordinal);

        return new PnlInputs(portfolio,
            [.. positions.Select(PositionMapping.ToLot)],
            [.. flows.Select(f => new CapitalFlow(f.ChangeDate, f.SignedAmount))],
            [.. valuations.Select(v => new Analytics.Pnl.PrivateValuation(v.PositionId, v.ValuationDate, v.Value))],
            series);
    }
}

/// <summary>The loaded inputs of one (portfolio, date).</summary>
public sealed record PnlInputs(
    Portfolio Portfolio,
    IReadOnlyList<Lot> Lots,
    IReadOnlyList<CapitalFlow> Flows,
    IReadOnlyList<Analytics.Pnl.PrivateValuation> Valuations,
    IReadOnlyDictionary<string, PriceSeries> Prices);
