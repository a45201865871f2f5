using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>The NYSE calendar with the closures operators added to <c>market_closures</c>, read on every call.</summary>
public sealed class TradingCalendarProvider(SigmaSightDbContext db)
{
    public async Task<NyseCalendar> GetAsync(CancellationToken cancellationToken)
    {
        var closures = await db.MarketClosures.AsNoTracking().Select(c => c.Date).ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return new NyseCalendar(closures);
    }
}
