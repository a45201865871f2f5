using Microsoft.Extensions.Caching.Memory;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk.Symbols;

/// <summary>
/// The close histories one run's portfolio-risk jobs read, shared within this process: a symbol's window of closes is
/// loaded once per (run, symbol, window) instead of once per portfolio that holds it (issue 10: a risk job read
/// ~12,000 price rows, most of them the same factor proxies and popular stocks as the job before). Keyed by run: a
/// later run (for example after a price correction) never sees a window loaded by an earlier one. Closes do not change
/// within a run after phase 1, so an entry is exact for its run. Bounded (<see cref="MaxSeries"/> series, about
/// 4 KB each) and evicted after <see cref="Idle"/> without use.
/// </summary>
public sealed class CloseHistoryCache : IDisposable
{
    public const int MaxSeries = 10_000;
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxSeries });

    /// <summary>The closes of <paramref name="symbols"/> over [from, to] as <see cref="CloseHistory.LoadAsync"/> returns them.</summary>
    public async Task<IReadOnlyDictionary<string, DatedCloses>> LoadAsync(SigmaSightDbContext db, Guid runId,
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new Dictionary<string, DatedCloses>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var symbol in symbols)
        {
            if (!_cache.TryGetValue((runId, symbol, from, to), out Cached? cached) || cached is null) missing.Add(symbol);
            else if (cached.Closes is { } closes) found[symbol] = closes;
        }
        if (missing.Count == 0) return found;
        var loaded = await CloseHistory.LoadAsync(db, missing, from, to, cancellationToken).ConfigureAwait(false);
        var entry = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle };
        foreach (var symbol in missing)
        {
            // A symbol without closes is remembered too, so it is not asked for again by every job of the run.
            var closes = loaded.GetValueOrDefault(symbol);
            _cache.Set((runId, symbol, from, to), new Cached(closes), entry);
            if (closes is not null) found[symbol] = closes;
        }
        return found;
    }

    /// <summary>
    /// Keeps closes a phase-2 job already loaded over the window a portfolio-risk job of the same run asks for (a nightly
    /// loads exactly that window), so the run's first risk jobs do not each reload the popular symbols (issue 10). Only
    /// symbols that have closes: a missing history stays a question for the database, so closes added to repair a
    /// failed chain are seen by its risk job when it is re-enqueued.
    /// </summary>
    public void Store(Guid runId, IReadOnlyDictionary<string, DatedCloses> loaded, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var entry = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle };
        foreach (var (symbol, closes) in loaded) _cache.Set((runId, symbol, from, to), new Cached(closes), entry);
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Cached(DatedCloses? Closes);
}
