using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// Computes one portfolio's end-of-day snapshot with the cash-and-holdings model (docs/pnl-model.md):
/// NAV_D = round2(cash_D + Σ MV_D over lots open at the close of D); daily P&amp;L = NAV_D − NAV_prev − flow_D;
/// realised P&amp;L is reported beside it, never added to it.
/// </summary>
public static class DailyPnlCalculator
{
    /// <summary>Inception note for the daily return (no previous NAV).</summary>
    public const string InceptionNote = "inception";

    /// <summary>Note for the daily return when the previous NAV is zero or negative.</summary>
    public const string NonPositivePreviousNavNote = "previous NAV <= 0";

    /// <summary>
    /// Computes the snapshot for <see cref="PortfolioDay.Date"/>. A lot is open at the close of D when
    /// eff(entry) ≤ D, it has no exit with eff(exit) ≤ D, and (options) its settle date is after D.
    /// DailyReturn = round10(DailyPnl / NAV_prev); null with a note when NAV_prev ≤ 0 (NAV_prev = 0 at inception).
    /// Cumulative P&amp;L, realised P&amp;L and capital flow add the day's figure to the previous snapshot's (0 at inception).
    /// </summary>
    /// <exception cref="PnlOrderException">The previous snapshot is not the previous trading day's.</exception>
    /// <exception cref="PnlDataException">
    /// D is not a trading day or is before inception; the previous snapshot is missing; an event precedes inception or
    /// a lot is invalid; a price is missing beyond the stale window; an option's underlying has too little history.
    /// </exception>
    public static PortfolioDayResult Calculate(PortfolioDay day, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(calendar);
        PnlInputValidator.Validate(day, calendar);
        var lots = LotSchedule.Build(day, calendar);
        var market = new MarketData(day, calendar);
        var ledger = CashLedger.Compute(day, calendar, lots, market);
        var valuation = new LotValuation(day, calendar, market);
        var open = lots.Where(l => l.IsOpenAt(day.Date)).Select(l => valuation.Value(l.Lot)).ToList();

        var marketValues = open.Select(v => v.MarketValue).ToList();
        var nav = PnlText.Round2(ledger.Cash + marketValues.Sum());
        var flow = PnlText.Round2(ledger.FlowToday);
        var realized = PnlText.Round2(ledger.RealizedToday);
        var previous = day.Previous;
        var previousNav = previous?.Nav ?? 0m;
        var dailyPnl = PnlText.Round2(nav - previousNav - flow);
        var (dailyReturn, note) = DailyReturn(dailyPnl, previous);

        return new PortfolioDayResult(
            Date: day.Date,
            Nav: nav,
            Cash: PnlText.Round2(ledger.Cash),
            DailyPnl: dailyPnl,
            DailyReturn: dailyReturn,
            DailyReturnNote: note,
            CumulativePnl: (previous?.CumulativePnl ?? 0m) + dailyPnl,
            DailyRealizedPnl: realized,
            CumulativeRealizedPnl: (previous?.CumulativeRealizedPnl ?? 0m) + realized,
            DailyCapitalFlow: flow,
            CumulativeCapitalFlow: (previous?.CumulativeCapitalFlow ?? 0m) + flow,
            LongValue: PnlText.Round2(marketValues.Where(v => v > 0).Sum()),
            ShortValue: PnlText.Round2(marketValues.Where(v => v < 0).Sum()),
            GrossExposure: PnlText.Round2(marketValues.Sum(Math.Abs)),
            NetExposure: PnlText.Round2(marketValues.Sum()),
            NumPositions: open.Count,
            NumLongPositions: open.Count(v => v.Lot.Quantity > 0),
            NumShortPositions: open.Count(v => v.Lot.Quantity <= 0),
            StalePriceCount: open.Count(v => v.IsStale),
            OpenLots: [.. open.Select(v => v.Reported)]);
    }

    private static (decimal? Return, string? Note) DailyReturn(decimal dailyPnl, PreviousSnapshot? previous) => previous switch
    {
        null => (null, InceptionNote),
        { Nav: <= 0m } => (null, NonPositivePreviousNavNote),
        _ => (Math.Round(dailyPnl / previous.Nav, 10, MidpointRounding.AwayFromZero), null),
    };
}
