using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk.Symbols;

/// <summary>Loads the stored closes of many symbols over a date range in one query, as one series per symbol.</summary>
public static class CloseHistory
{
    public static async Task<IReadOnlyDictionary<string, DatedCloses>> LoadAsync(
        SigmaSightDbContext db, IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Prices.AsNoTracking()
            .Where(p => symbols.Contains(p.Symbol) && p.Date >= from && p.Date <= to)
            .OrderBy(p => p.Symbol).ThenBy(p => p.Date)
            .Select(p => new { p.Symbol, p.Date, p.Close })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Symbol, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => DatedCloses.FromDecimals(g.Key, [.. g.Select(r => r.Date)], [.. g.Select(r => r.Close)]),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// What a phase-2 chunk of <paramref name="symbols"/> reads: their closes and those of every factor's proxies and the
    /// market benchmark, from <see cref="AnalyticsOptions.HistoryTradingDays"/> before the first of <paramref name="dates"/>
    /// through the last; and that first day of the window.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, DatedCloses> Closes, DateOnly From)> ForSymbolAnalyticsAsync(
        SigmaSightDbContext db, IEnumerable<string> symbols, IReadOnlyList<FactorDefinition> factors, AnalyticsOptions settings,
        NyseCalendar calendar, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(dates);
        var proxies = factors.SelectMany(f => FactorCatalog.ProxiesOf(f.Name, f.EtfProxy, f.SpreadShortProxy, settings))
            .Append(settings.MarketBenchmark);
        var from = calendar.AddTradingDays(dates[0], -settings.HistoryTradingDays);
        var closes = await LoadAsync(db, [.. symbols.Concat(proxies).Distinct(StringComparer.Ordinal)], from, dates[^1], cancellationToken)
            .ConfigureAwait(false);
        return (closes, from);
    }
}
