using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// The demo's provider: closes of the seeded factor model, anchored so each symbol closes at its demo entry price on
/// the demo's inception date. Knows only the demo universe; any other symbol is absent (a finding, then a failure).
/// </summary>
public sealed class SyntheticMarketDataProvider(
    SigmaSightDbContext db, TradingCalendarProvider calendars, IOptions<DemoOptions> demo) : IMarketDataProvider
{
    public const string SourceName = "synthetic";

    private static readonly ConcurrentDictionary<(int, DateOnly, string), SyntheticMarket> Markets = new();

    public string Source => SourceName;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
        IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var market = await MarketAsync(calendar, cancellationToken).ConfigureAwait(false);
        return symbols.Where(market.Knows).ToDictionary(s => s, s => market.Closes(s, firstDate, lastDate), StringComparer.Ordinal);
    }

    /// <summary>The demo catalog's reference data of the requested symbols.</summary>
    public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(
        IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        IReadOnlyList<SecurityReference> known = [.. symbols.Select(s => DemoCatalog.Securities.GetValueOrDefault(s)).OfType<SecurityReference>()];
        return Task.FromResult(known);
    }

    /// <summary>The market anchored at the demo's inception (the catalog's original entry date before seeding).</summary>
    public async Task<SyntheticMarket> MarketAsync(NyseCalendar calendar, CancellationToken cancellationToken)
    {
        var ids = DemoCatalog.Portfolios.Select(p => p.Id).ToList();
        var anchor = await db.Portfolios.AsNoTracking().Where(p => ids.Contains(p.Id))
            .MinAsync(p => (DateOnly?)p.InceptionDate, cancellationToken).ConfigureAwait(false) ?? DemoCatalog.OriginalEntryDate;
        return Create(demo.Value.Seed, anchor, calendar);
    }

    public static SyntheticMarket Create(int seed, DateOnly anchor, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var closures = string.Join(',', calendar.ExtraClosures.Order());
        return Markets.GetOrAdd((seed, anchor, closures), _ =>
            new SyntheticMarket(new SyntheticMarketDefinition(seed, anchor, DemoCatalog.AnchorCloses), calendar));
    }
}
