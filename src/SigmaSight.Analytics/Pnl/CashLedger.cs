using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Options;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Unrounded cash at the close of D, with the flows and realised P&amp;L booked on D itself.</summary>
internal sealed record CashTotals(decimal Cash, decimal FlowToday, decimal RealizedToday);

/// <summary>
/// cash_D = Σ flows − Σ entry costs + Σ exit proceeds + Σ option settlements, over events booked on or before D
/// (an event on a closed day is booked on the next trading day; a settlement on the settle date).
/// Realised P&amp;L on D = Σ (exit − entry) × qty × mult over exits booked on D + Σ (intrinsic − entry) × qty × 100
/// over options settling on D.
/// </summary>
internal static class CashLedger
{
    public static CashTotals Compute(PortfolioDay day, NyseCalendar calendar, IReadOnlyList<ScheduledLot> lots, MarketData market)
    {
        var d = day.Date;
        decimal cash = 0m, flowToday = 0m, realizedToday = 0m;

        foreach (var flow in day.Flows)
        {
            var booked = calendar.OnOrAfter(flow.Date);
            if (booked <= d) cash += flow.SignedAmount;
            if (booked == d) flowToday += flow.SignedAmount;
        }

        foreach (var scheduled in lots)
        {
            var lot = scheduled.Lot;
            if (scheduled.BookedEntry <= d) cash -= lot.EntryCost;

            if (scheduled.BookedExit <= d)
            {
                var exitPrice = lot.ExitPrice!.Value;
                cash += lot.Quantity * exitPrice * lot.Multiplier;
                if (scheduled.BookedExit == d) realizedToday += (exitPrice - lot.EntryPrice) * lot.Quantity * lot.Multiplier;
            }

            if (scheduled.SettlesOnOrBefore(d))
            {
                var settleDate = scheduled.SettleDate!.Value;
                var spot = market.Price(lot.Underlying!, settleDate).Close;
                var intrinsic = BlackScholes.Intrinsic(lot.Type.OptionKind()!.Value, spot, lot.Strike!.Value);
                cash += lot.Quantity * intrinsic * PositionTypeRules.OptionMultiplier;
                if (settleDate == d) realizedToday += (intrinsic - lot.EntryPrice) * lot.Quantity * PositionTypeRules.OptionMultiplier;
            }
        }

        return new CashTotals(cash, flowToday, realizedToday);
    }
}
