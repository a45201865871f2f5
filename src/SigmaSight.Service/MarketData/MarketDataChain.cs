using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// The configured providers in order (<c>MarketData:Provider</c>, then each of <c>MarketData:Fallback</c>): the primary
/// is asked for every symbol, and each fallback only for the (symbol, trading day) pairs that every provider before it
/// lacked, so each close has exactly one source and keeps it in <c>prices.source</c>.
/// </summary>
public sealed class MarketDataChain
{
    public MarketDataChain(IReadOnlyList<IMarketDataProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentOutOfRangeException.ThrowIfZero(providers.Count);
        Providers = providers;
    }

    public IReadOnlyList<IMarketDataProvider> Providers { get; }

    /// <summary>The primary's source, or "fmp then synthetic" with fallbacks (for messages).</summary>
    public string Description => string.Join(" then ", Providers.Select(p => p.Source));

    /// <summary>
    /// Closes of <paramref name="symbols"/> in [firstDate, lastDate], one entry per provider that gave any, in chain order;
    /// a fallback is asked, per group of symbols missing the same span, from the first to the last trading day they lack,
    /// and only the missing days of its answer are kept.
    /// </summary>
    public async Task<IReadOnlyList<ProvidedCloses>> GetClosesAsync(NyseCalendar calendar, IReadOnlyCollection<string> symbols,
        DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(symbols);
        var days = calendar.TradingDays(firstDate, lastDate).ToList();
        var missing = symbols.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => days.ToHashSet(), StringComparer.Ordinal);
        var answers = new List<ProvidedCloses>();
        for (var index = 0; index < Providers.Count; index++)
        {
            var provider = Providers[index];
            var found = new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>(StringComparer.Ordinal);
            // The primary gets one request for every symbol; a fallback one per span of missing days.
            var requests = index == 0
                ? [(From: firstDate, To: lastDate, Symbols: missing.Keys.Order(StringComparer.Ordinal).ToList())]
                : missing.Where(m => m.Value.Count > 0)
                    .GroupBy(m => (From: m.Value.Min(), To: m.Value.Max()), m => m.Key)
                    .OrderBy(g => g.Key.From).ThenBy(g => g.Key.To)
                    .Select(g => (g.Key.From, g.Key.To, Symbols: g.Order(StringComparer.Ordinal).ToList())).ToList();
            foreach (var (from, to, asked) in requests)
            {
                var answer = await provider.GetClosesAsync(asked, from, to, cancellationToken).ConfigureAwait(false);
                foreach (var symbol in asked)
                {
                    if (!answer.TryGetValue(symbol, out var series)) continue;
                    var lacking = missing[symbol];
                    // The primary's whole answer is kept (it may hold a close on a day the calendar does not know yet).
                    IReadOnlyList<KeyValuePair<DateOnly, decimal>> kept = index == 0 ? series : [.. series.Where(c => lacking.Contains(c.Key))];
                    if (kept.Count == 0 && index > 0) continue;
                    found[symbol] = kept;
                    lacking.ExceptWith(kept.Select(c => c.Key));
                }
            }
            if (found.Count > 0) answers.Add(new ProvidedCloses(provider.Source, found));
            if (missing.Values.All(m => m.Count == 0)) break;
        }
        return answers;
    }

    /// <summary>Reference data from the primary, then from each fallback for the symbols still without any.</summary>
    public async Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new Dictionary<string, SecurityReference>(StringComparer.Ordinal);
        foreach (var provider in Providers)
        {
            var wanted = symbols.Where(s => !found.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0) break;
            foreach (var security in await provider.GetSecuritiesAsync(wanted, cancellationToken).ConfigureAwait(false))
                found.TryAdd(security.Symbol, security);
        }
        return [.. found.Values.OrderBy(s => s.Symbol, StringComparer.Ordinal)];
    }
}

/// <summary>The closes one provider of the chain gave, stored with its <paramref name="Source"/>.</summary>
public sealed record ProvidedCloses(string Source, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> Closes);
