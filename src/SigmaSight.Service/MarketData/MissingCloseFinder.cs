using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Finds each (symbol, trading day of the run) with no close from the provider and none stored. With the
/// <c>database</c> provider nothing is fetched, so every held symbol without an imported close on a day is one.
/// A factor proxy that no portfolio of the run holds and that has no close at all (the Dow Jones data has no ETFs) is
/// one <c>warning</c> for the run instead: nothing is valued with it, and the analytics that need it store their
/// reason (insufficient history).
/// </summary>
public static class MissingCloseFinder
{
    public const string Error = "error";

    public static async Task<List<DataQualityFinding>> FindAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyCollection<string> symbols, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> closes,
        NyseCalendar calendar, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = calendar.TradingDays(run.RangeFrom, run.RangeTo).ToList();
        var stored = (await db.Prices.AsNoTracking()
                .Where(p => symbols.Contains(p.Symbol) && p.Date >= run.RangeFrom && p.Date <= run.RangeTo)
                .Select(p => new { p.Symbol, p.Date }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(p => (p.Symbol, p.Date)).ToHashSet();
        var neverPriced = await NeverPricedProxiesAsync(db, run, symbols, closes, stored, cancellationToken).ConfigureAwait(false);
        var findings = new List<DataQualityFinding>();
        foreach (var symbol in neverPriced)
        {
            findings.Add(new DataQualityFinding
            {
                RunId = run.Id, BusinessDate = run.RangeFrom, Symbol = symbol, Kind = "missing", Severity = "warning", CreatedAt = now,
                Detail = $"no close at all for the factor proxy {symbol} up to {run.RangeTo:yyyy-MM-dd} (provider {source}); no portfolio " +
                    "holds it: the analytics that need it are stored as insufficient_history with the reason",
            });
        }
        foreach (var symbol in symbols.Where(s => !neverPriced.Contains(s)))
        {
            var provided = closes.TryGetValue(symbol, out var series) ? series.Select(c => c.Key).ToHashSet() : [];
            foreach (var day in days.Where(d => !provided.Contains(d) && !stored.Contains((symbol, d))))
            {
                findings.Add(new DataQualityFinding
                {
                    RunId = run.Id, BusinessDate = day, Symbol = symbol, Kind = "missing", Severity = Error,
                    Detail = series is not null ? $"no close for {symbol} on {day:yyyy-MM-dd}"
                        : source == Database.DatabaseMarketDataProvider.SourceName
                            ? $"no close for {symbol} on {day:yyyy-MM-dd} in prices (provider database: import it with import-prices)"
                            : $"provider {source} has no prices for {symbol}: unknown symbol",
                    CreatedAt = now,
                });
            }
        }
        return findings;
    }

    /// <summary>Symbols of the chunk that no portfolio of the run holds and that have no close, provided or stored, up to the run's end.</summary>
    private static async Task<HashSet<string>> NeverPricedProxiesAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyCollection<string> symbols, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> closes,
        HashSet<(string Symbol, DateOnly Date)> stored, CancellationToken cancellationToken)
    {
        var storedSymbols = stored.Select(x => x.Symbol).ToHashSet(StringComparer.Ordinal);
        var candidates = symbols.Where(s => !(closes.TryGetValue(s, out var c) && c.Count > 0) && !storedSymbols.Contains(s)).ToList();
        if (candidates.Count == 0) return [];
        var held = await SymbolUniverse.HeldAsync(db, run.Scope, cancellationToken).ConfigureAwait(false);
        candidates.RemoveAll(held.Contains);
        var priced = await db.Prices.AsNoTracking().Where(p => candidates.Contains(p.Symbol) && p.Date <= run.RangeTo)
            .Select(p => p.Symbol).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return candidates.Except(priced, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }
}
