using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Returns;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Closes and realised volatility for one portfolio day, applying the stale-price rule.</summary>
internal sealed class MarketData(PortfolioDay day, NyseCalendar calendar)
{
    /// <summary>
    /// The close of <paramref name="symbol"/> on <paramref name="date"/>; else the latest close dated on or after
    /// <paramref name="date"/> minus the stale window (in trading days), marked stale; else a <see cref="PnlDataException"/>.
    /// </summary>
    public QuotedPrice Price(string symbol, DateOnly date)
    {
        var series = day.Prices.GetValueOrDefault(symbol);
        if (series is not null && series.TryGetClose(date, out var close)) return new QuotedPrice(close, date, IsStale: false);

        var window = day.Settings.StaleWindowTradingDays;
        var oldestAccepted = calendar.AddTradingDays(date, -window);
        if (series?.LatestOnOrBefore(date) is { } latest && latest.Date >= oldestAccepted)
            return new QuotedPrice(latest.Close, latest.Date, IsStale: true);

        throw new PnlDataException(
            $"missing price for {symbol} on {PnlText.Iso(date)}: no close within {window} trading days (portfolio {day.PortfolioName})",
            symbol, date);
    }

    /// <summary>
    /// Realised volatility of <paramref name="underlying"/> from its last (window + 1) stored closes on or before
    /// <paramref name="priceDate"/>, floored; a <see cref="PnlDataException"/> naming the option when history is short.
    /// </summary>
    public double Volatility(string optionSymbol, string underlying, DateOnly priceDate)
    {
        var window = day.Settings.VolatilityWindow;
        var closes = day.Prices.TryGetValue(underlying, out var series) ? series.LatestCloses(priceDate, window + 1) : [];
        var volatility = RealizedVolatility.Annualized([.. closes.Select(c => (double)c)], window);
        if (volatility is null)
        {
            var returns = Math.Max(closes.Count - 1, 0);
            throw new PnlDataException(
                $"cannot value option {optionSymbol} on {PnlText.Iso(day.Date)}: insufficient history: {returns} of {window} returns of {underlying} (portfolio {day.PortfolioName})",
                optionSymbol, day.Date);
        }

        return Math.Max(volatility.Value, day.Settings.VolatilityFloor);
    }
}
