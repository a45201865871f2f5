using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Pnl;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Pnl;

/// <summary>
/// Loads the closes one (portfolio, date) needs and assembles its inputs with what <see cref="PnlInputBatch"/> read. The closes
/// are bounded by what the day uses, never "since inception", so a day's cost does not grow with the portfolio's age:
/// for a symbol that only prices itself, the stale window up to D (D's close or the latest one standing in for it);
/// for the underlying of an option, the <see cref="HistoryTradingDays"/> trading days up to D (its realised volatility
/// too); and for each option already settled the closes of its underlying within the stale window up to its settle
/// date (the settlement price in cash).
/// </summary>
public sealed class PnlInputLoader(SigmaSightDbContext db, IOptions<BatchOptions> options)
{
    /// <summary>Trading days of an option underlying's closes loaded up to D: 63 returns of volatility and the stale
    /// look-back, with margin.</summary>
    private const int HistoryTradingDays = 80;

    /// <summary>The day's inputs from what <see cref="PnlInputBatch"/> read, with the closes they need.</summary>
    internal async Task<PnlInputs> LoadAsync(PnlReads read, Guid portfolioId, DateOnly date, NyseCalendar calendar,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(calendar);
        var portfolio = read.Portfolio ?? throw new NonTransientBatchException($"portfolio {portfolioId} does not exist");
        if (portfolio.Currency != "USD")
            throw new NonTransientBatchException($"{portfolio.Name}: currency {portfolio.Currency} is not supported (USD only)");
        var positions = read.Positions;
        var flows = read.Flows;
        var valuations = read.Valuations;

        var symbols = positions.Where(p => p.InvestmentClass != LotCodes.Private)
            .Select(LotCodes.PricedSymbol)
            .Distinct(StringComparer.Ordinal).ToList();
        var stale = options.Value.StaleWindowTradingDays;
        var window = Window(date, calendar);
        // The batch read the closes in the window of the rules' calendar; an operator's closure inside it moves the window
        // earlier, and then the closes are read again in the exact one.
        var prices = window == read.Window ? read.Closes : await PnlInputBatch.ReadClosesAsync(
            (NpgsqlConnection)db.Database.GetDbConnection(), portfolioId, date, window, cancellationToken).ConfigureAwait(false);
        prices.AddRange(await SettlementClosesAsync(positions, date, window.HistoryFrom, stale, calendar, cancellationToken).ConfigureAwait(false));
        var bySymbol = prices.ToLookup(p => p.Symbol, StringComparer.Ordinal);
        var series = symbols.ToDictionary(s => s, s => new PriceSeries(s,
            bySymbol[s].Select(p => KeyValuePair.Create(p.Date, p.Close))), StringComparer.Ordinal);

        return new PnlInputs(portfolio,
            [.. positions.Select(PositionMapping.ToLot)],
            [.. flows.Select(f => new CapitalFlow(f.ChangeDate, f.SignedAmount))],
            [.. valuations.Select(v => new Analytics.Pnl.PrivateValuation(v.PositionId, v.ValuationDate, v.Value))],
            series);
    }

    /// <summary>
    /// The window of <paramref name="date"/>'s closes by the NYSE's rules alone, for <see cref="PnlInputBatch"/> to read before the
    /// day's calendar is known: the operator's closures (<c>market_closures</c>) can only move it earlier.
    /// </summary>
    internal PriceWindow PlannedWindow(DateOnly date) => Window(date, RulesCalendar);

    private static readonly NyseCalendar RulesCalendar = new();

    private PriceWindow Window(DateOnly date, NyseCalendar calendar)
    {
        var stale = options.Value.StaleWindowTradingDays;
        return new PriceWindow(calendar.AddTradingDays(date, -(HistoryTradingDays + stale)), calendar.AddTradingDays(date, -stale));
    }

    /// <summary>
    /// The underlying's closes within the stale window up to the settle date of every option whose settlement look-back starts
    /// before the loaded window: one query for all of them (their number grows with the book's lots, not with its days).
    /// </summary>
    private async Task<List<StoredClose>> SettlementClosesAsync(IReadOnlyList<Position> positions, DateOnly date, DateOnly windowStart,
        int stale, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        var settled = positions
            .Where(p => p.InvestmentClass == LotCodes.Options && p.ExpirationDate is { } e && p.UnderlyingSymbol is not null
                && calendar.OnOrBefore(e) <= date && calendar.AddTradingDays(calendar.OnOrBefore(e), -stale) < windowStart)
            .Select(p => (Symbol: p.UnderlyingSymbol!, Settle: calendar.OnOrBefore(p.ExpirationDate!.Value)))
            .Distinct().ToList();
        if (settled.Count == 0) return [];
        var symbols = settled.Select(s => s.Symbol).ToArray();
        var firsts = settled.Select(s => calendar.AddTradingDays(s.Settle, -stale)).ToArray();
        var lasts = settled.Select(s => s.Settle).ToArray();
        return await db.Database.SqlQuery<StoredClose>($"""
            SELECT DISTINCT p.symbol AS "Symbol", p.date AS "Date", p.close AS "Close"
              FROM unnest({symbols}, {firsts}, {lasts}) AS w(symbol, first_day, last_day)
              JOIN sigmasight.prices p ON p.symbol = w.symbol AND p.date BETWEEN w.first_day AND w.last_day
             WHERE p.date < {windowStart}
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

}

/// <summary>A stored close of a symbol.</summary>
internal sealed record StoredClose(string Symbol, DateOnly Date, decimal Close);

/// <summary>Where a P&amp;L day's closes start: an option underlying's history window, and every other symbol's stale window.</summary>
internal readonly record struct PriceWindow(DateOnly HistoryFrom, DateOnly StaleFrom);

/// <summary>The loaded inputs of one (portfolio, date).</summary>
public sealed record PnlInputs(
    Portfolio Portfolio,
    IReadOnlyList<Lot> Lots,
    IReadOnlyList<CapitalFlow> Flows,
    IReadOnlyList<Analytics.Pnl.PrivateValuation> Valuations,
    IReadOnlyDictionary<string, PriceSeries> Prices);
