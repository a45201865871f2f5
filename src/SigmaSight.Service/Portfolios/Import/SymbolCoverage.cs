using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// Which priced symbols of imported lots (a public lot's symbol, an option's underlying) can never be valued: no close
/// of theirs is stored and the configured market data provider does not know them (asked for the week from the
/// earliest entry among them; a provider answers only for the symbols it knows, so presence in its answer is the test).
/// </summary>
internal sealed class SymbolCoverage(SigmaSightDbContext db, MarketDataChain chain)
{
    public string ProviderName => chain.Description;

    public async Task<IReadOnlySet<string>> UnknownAsync(IReadOnlyCollection<ImportedLot> lots, NyseCalendar calendar,
        CancellationToken cancellationToken)
    {
        var firstEntry = lots.Where(l => l.PricedSymbol is not null)
            .GroupBy(l => l.PricedSymbol!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(l => l.EntryDate), StringComparer.Ordinal);
        var wanted = firstEntry.Keys.ToList();
        var stored = await db.Prices.AsNoTracking().Where(p => wanted.Contains(p.Symbol)).Select(p => p.Symbol).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var unpriced = wanted.Except(stored, StringComparer.Ordinal).ToList();
        if (unpriced.Count == 0) return new HashSet<string>(StringComparer.Ordinal);

        var from = unpriced.Min(s => firstEntry[s]);
        var answers = await chain.GetClosesAsync(calendar, unpriced, from, from.AddDays(7), cancellationToken).ConfigureAwait(false);
        return unpriced.Where(s => !answers.Any(a => a.Closes.ContainsKey(s))).ToHashSet(StringComparer.Ordinal);
    }
}
