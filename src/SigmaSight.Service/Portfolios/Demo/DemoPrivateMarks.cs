using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// Quarterly valuations of a demo private asset, as its manager would report them. The asset in <c>slot</c> s (the
/// seeder numbers a portfolio's private lots 0, 1, 2, …) reports every third month, in months m with m mod 3 = s mod 3
/// (0: Mar Jun Sep Dec, 1: Jan Apr Jul Oct, 2: Feb May Aug Nov), on the last trading day on or before the month's last
/// day minus 10 × (⌊s / 3⌋ mod 3) days: managers with different fiscal quarters and publication days, so a book's
/// revaluations are spread over nine days a quarter instead of falling on one. The entry price is the mark of the last
/// report on or before inception; each later mark is
/// v_j = v_{j−1} × (SPY_j / SPY_{j−1})^β × exp(μ·Δt + σ·√Δt·z_j), Δt = trading days between the reports / 252,
/// SPY the synthetic market's closes, β μ σ the asset's <see cref="DemoPrivateAsset"/>, z_j a standard normal of
/// (seed, "private:" + symbol, report date); stored per unit, rounded to cents (computed unrounded).
/// </summary>
public static class DemoPrivateMarks
{
    /// <summary>
    /// The marks of <paramref name="symbol"/> (a key of <see cref="DemoCatalog.PrivateAssets"/>) entered at
    /// <paramref name="entryPrice"/> on <paramref name="inception"/>: every report date after inception through
    /// <paramref name="through"/>, ascending, with its value per unit.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, decimal ValuePerUnit)> Schedule(SyntheticMarket market, NyseCalendar calendar,
        int seed, string symbol, int slot, decimal entryPrice, DateOnly inception, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        if (!DemoCatalog.PrivateAssets.TryGetValue(symbol, out var asset))
            throw new ArgumentException($"demo private asset {symbol}: no valuation model in the catalog", nameof(symbol));

        var previous = ReportDates(calendar, slot, inception.AddMonths(-4)).TakeWhile(d => d <= inception).Last();
        var reports = ReportDates(calendar, slot, inception).SkipWhile(d => d <= inception).TakeWhile(d => d <= through).ToList();
        if (reports.Count == 0) return [];

        var spy = market.Closes("SPY", previous, reports[^1]).ToDictionary(c => c.Key, c => (double)c.Value);
        var noiseKey = SyntheticNoise.Fnv1a("private:" + symbol);
        var logValue = Math.Log((double)entryPrice);
        var marks = new List<(DateOnly, decimal)>(reports.Count);
        foreach (var date in reports)
        {
            var years = calendar.CountTradingDays(previous, date) / 252.0;
            logValue += (asset.MarketBeta * Math.Log(Close(spy, date) / Close(spy, previous))) + (asset.AnnualDrift * years)
                + (asset.AnnualVolatility * Math.Sqrt(years) * SyntheticNoise.Normal(seed, noiseKey, date.DayNumber));
            marks.Add((date, Math.Round((decimal)Math.Exp(logValue), 2, MidpointRounding.AwayFromZero)));
            previous = date;
        }

        return marks;
    }

    /// <summary>The report dates of a slot from the month of <paramref name="from"/> on, ascending.</summary>
    private static IEnumerable<DateOnly> ReportDates(NyseCalendar calendar, int slot, DateOnly from)
    {
        var daysBeforeMonthEnd = 10 * (slot / 3 % 3);
        for (var month = new DateOnly(from.Year, from.Month, 1); ; month = month.AddMonths(1))
        {
            if (month.Month % 3 == slot % 3) yield return calendar.OnOrBefore(month.AddMonths(1).AddDays(-1 - daysBeforeMonthEnd));
        }
    }

    private static double Close(Dictionary<DateOnly, double> spy, DateOnly date) =>
        spy.TryGetValue(date, out var close) ? close
            : throw new InvalidOperationException($"demo private marks: no synthetic SPY close on {date:yyyy-MM-dd}");
}
