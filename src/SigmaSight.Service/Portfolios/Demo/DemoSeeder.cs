using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// Seeds the five SigmaSight demo portfolios with every lot of the original seed (its nine silently dropped HNW
/// duplicates kept as separate lots), starting capital as a CONTRIBUTION on inception, the quarterly valuations of
/// each private lot through the last completed trading day (<see cref="DemoPrivateMarks"/>), and dates shifted so
/// inception is <see cref="DemoOptions.InceptionTradingDaysBack"/> trading days before the last completed trading day.
/// </summary>
public sealed partial class DemoSeeder(
    SigmaSightDbContext db, TradingCalendarProvider calendars, IOptions<DemoOptions> demo, IOptions<BatchOptions> batch,
    TimeProvider time, ILogger<DemoSeeder> logger)
{
    public async Task<string> SeedAsync(bool reset, CancellationToken cancellationToken)
    {
        var ids = DemoCatalog.Portfolios.Select(p => p.Id).ToList();
        var existing = await db.Portfolios.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => p.InceptionDate).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0 && !reset)
            return $"seed-demo: the demo exists ({existing.Count} portfolios, inception {existing.Min():yyyy-MM-dd}); nothing to do (--reset rebuilds it)";

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (reset) await DeleteDemoAsync(ids, cancellationToken).ConfigureAwait(false);

        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var lastDay = BusinessDate.Resolve(now, calendar);
        var inception = calendar.AddTradingDays(lastDay, -demo.Value.InceptionTradingDaysBack);
        var market = SyntheticMarketDataProvider.Create(demo.Value.Seed, inception, calendar);

        var lots = 0;
        var valuations = 0;
        foreach (var portfolio in DemoCatalog.Portfolios)
        {
            db.Portfolios.Add(new Portfolio
            {
                Id = portfolio.Id, Name = portfolio.Name, Owner = portfolio.Owner, InceptionDate = inception, CreatedAt = now,
            });
            db.EquityChanges.Add(new EquityChange
            {
                Id = StableGuid($"{portfolio.Id}_contribution_{inception:yyyy-MM-dd}"), PortfolioId = portfolio.Id,
                ChangeDate = inception, ChangeType = EquityChangeTypes.Contribution, Amount = portfolio.Equity,
            });
            var privateLots = 0;
            foreach (var lot in portfolio.Lots)
            {
                var position = ToPosition(portfolio.Id, lot, inception, market, calendar);
                db.Positions.Add(position);
                lots++;
                if (lot.InvestmentClass == LotCodes.Private)
                    valuations += AddValuations(position, privateLots++, market, calendar, lastDay);
            }
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await SecurityUpserter.UpsertAsync(db, [.. DemoCatalog.Securities.Values], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogSeeded(logger, DemoCatalog.Portfolios.Count, lots, inception);
        return $"seed-demo: {DemoCatalog.Portfolios.Count} portfolios, {lots} lots, {valuations} private valuations, inception {inception:yyyy-MM-dd} " +
            $"({demo.Value.InceptionTradingDaysBack} trading days before {lastDay:yyyy-MM-dd})";
    }

    private Position ToPosition(Guid portfolioId, DemoLot lot, DateOnly inception,
        SyntheticMarket market, Analytics.Calendar.NyseCalendar calendar)
    {
        var position = new Position
        {
            Id = StableGuid($"{portfolioId}_{lot.Symbol}_{inception:yyyy-MM-dd}_{lot.LotIndex}"),
            PortfolioId = portfolioId, Symbol = lot.Symbol, PositionType = lot.PositionType,
            InvestmentClass = lot.InvestmentClass, Quantity = lot.Quantity, EntryPrice = lot.EntryPrice,
            EntryDate = inception, LotIndex = lot.LotIndex,
        };
        if (lot.InvestmentClass != LotCodes.Options) return position;

        var distance = lot.OriginalExpiry!.Value.DayNumber - DemoCatalog.OriginalEntryDate.DayNumber;
        var expiry = calendar.OnOrBefore(inception.AddDays(distance));
        position.Symbol = OptionEntryPricer.OccSymbol(lot.Underlying!, expiry, lot.PositionType, lot.Strike!.Value);
        position.Id = StableGuid($"{portfolioId}_{position.Symbol}_{inception:yyyy-MM-dd}_{lot.LotIndex}");
        position.UnderlyingSymbol = lot.Underlying;
        position.StrikePrice = lot.Strike;
        position.ExpirationDate = expiry;
        position.EntryPrice = OptionEntryPricer.Price(market, calendar, lot.Underlying!, lot.PositionType, lot.Strike.Value,
            inception, expiry, batch.Value.RiskFreeRate);
        return position;
    }

    /// <summary>Adds the quarterly valuations of a private lot through <paramref name="lastDay"/>; returns how many.</summary>
    private int AddValuations(Position position, int slot, SyntheticMarket market, Analytics.Calendar.NyseCalendar calendar,
        DateOnly lastDay)
    {
        var marks = DemoPrivateMarks.Schedule(market, calendar, demo.Value.Seed, position.Symbol, slot, position.EntryPrice,
            position.EntryDate, lastDay);
        foreach (var (date, value) in marks)
        {
            db.PrivateValuations.Add(new PrivateValuation
            {
                Id = StableGuid($"{position.Id}_valuation_{date:yyyy-MM-dd}"), PositionId = position.Id,
                ValuationDate = date, Value = value,
            });
        }

        return marks.Count;
    }

    private async Task DeleteDemoAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await db.BatchRuns.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.DataQualityFindings.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Prices.Where(p => p.Source == SyntheticMarketDataProvider.SourceName).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Portfolios.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A UUID from the MD5 of a key, as the original seed derived its ids.</summary>
#pragma warning disable CA5351 // MD5 derives stable ids as the original seed did; it protects nothing.
    public static Guid StableGuid(string key) =>
        new(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant());
#pragma warning restore CA5351

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Demo seeded: {Portfolios} portfolios, {Lots} lots, inception {Inception:yyyy-MM-dd}")]
    private static partial void LogSeeded(ILogger logger, int portfolios, int lots, DateOnly inception);
}
