using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Options;
using SigmaSight.Analytics.Returns;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// The demo's option entry prices: the Black–Scholes value on the inception date, priced exactly as the P&amp;L job
/// will value it there (underlying close, 63-day realised volatility floored at 5%, trading-day time to expiry), so
/// an option enters at its model value instead of the original's zeros.
/// </summary>
public static class OptionEntryPricer
{
    public static decimal Price(SyntheticMarket market, NyseCalendar calendar, string underlying, string positionType,
        decimal strike, DateOnly inception, DateOnly expiry, double riskFreeRate)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(calendar);
        var closes = market.Closes(underlying, calendar.AddTradingDays(inception, -80), inception);
        if (closes.Count < 64 || closes[^1].Key != inception)
            throw new InvalidOperationException($"demo: no 63-day history of {underlying} at {inception:yyyy-MM-dd}");
        return Price([.. closes.Select(c => (double)c.Value)], positionType, strike,
            calendar.CountTradingDays(inception, expiry), riskFreeRate);
    }

    /// <summary>
    /// The value on the last day of <paramref name="history"/> (at least 64 closes ending on the entry day) of a contract
    /// expiring <paramref name="tradingDaysToExpiry"/> trading days later.
    /// </summary>
    public static decimal Price(IReadOnlyList<double> history, string positionType, decimal strike, int tradingDaysToExpiry,
        double riskFreeRate)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < 64) throw new ArgumentException($"option entry: {history.Count} closes, 64 needed", nameof(history));
        var volatility = Math.Max(RealizedVolatility.Annualized(history, 63) ?? 0, 0.05);
        var kind = LotCodes.IsCall(positionType) ? OptionKind.Call : OptionKind.Put;
        var value = BlackScholes.Value(kind, history[^1], (double)strike, tradingDaysToExpiry / 252.0, riskFreeRate, volatility).Price;
        return Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero);
    }

    /// <summary>The OCC symbol of a contract: root, yyMMdd, C/P, strike × 1000 on 8 digits.</summary>
    public static string OccSymbol(string underlying, DateOnly expiry, string positionType, decimal strike) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{underlying}{expiry:yyMMdd}{(LotCodes.IsCall(positionType) ? 'C' : 'P')}{(long)(strike * 1000):D8}");
}
