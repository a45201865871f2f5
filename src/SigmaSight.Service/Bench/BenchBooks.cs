using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Portfolios;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.Service.Bench;

/// <summary>
/// The bench's portfolios: N books of M lots each, opened on the inception date at that day's closes (options at their
/// Black–Scholes value, as the demo prices them), funded by one contribution. About 10% of the lots are options on a
/// stock the book holds long, expiring after the business date, about 15% are shorts; sizes spread from $5k to $200k.
/// </summary>
public static class BenchBooks
{
    public static IReadOnlyList<BenchBook> Create(BenchUniverse universe, NyseCalendar calendar, int portfolios, int positions,
        int seed, DateOnly inception, DateOnly businessDate, DateTimeOffset createdAt, double riskFreeRate)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentOutOfRangeException.ThrowIfLessThan(portfolios, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(positions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positions, universe.Stocks.Count);
        var books = new List<BenchBook>(portfolios);
        for (var n = 1; n <= portfolios; n++)
        {
            var random = new Random(unchecked((seed * 31) + n));
            var id = DemoSeeder.StableGuid($"bench_{seed}_{n}");
            var lots = Lots(universe, calendar, random, id, positions, inception, businessDate, riskFreeRate);
            var gross = lots.Sum(l => Math.Abs(l.Quantity * l.EntryPrice));
            var portfolio = new Portfolio
            {
                Id = id, Name = $"Bench {n:D5}", Owner = "bench@sigmasight.example", InceptionDate = inception, CreatedAt = createdAt,
            };
            var funding = new EquityChange
            {
                Id = DemoSeeder.StableGuid($"bench_{seed}_{n}_contribution"), PortfolioId = id, ChangeDate = inception,
                ChangeType = EquityChangeTypes.Contribution, Amount = Math.Round(gross * 1.05m, 2, MidpointRounding.AwayFromZero),
            };
            books.Add(new BenchBook(portfolio, lots, funding));
        }
        return books;
    }

    private static List<Position> Lots(BenchUniverse universe, NyseCalendar calendar, Random random, Guid portfolioId,
        int count, DateOnly inception, DateOnly businessDate, double riskFreeRate)
    {
        var options = count >= 5 ? Math.Max(1, count / 10) : 0;
        var shorts = count >= 4 ? Math.Max(1, count * 15 / 100) : 0;
        var stocks = Pick(random, universe.Stocks.Count, count - options);
        var lots = new List<Position>(count);
        for (var k = 0; k < stocks.Count; k++)
        {
            var symbol = universe.Stocks[stocks[k]].Symbol;
            var price = (decimal)universe.Close(symbol, inception);
            var isShort = k >= stocks.Count - shorts;
            var quantity = Math.Max(1m, Math.Round(Notional(random) / price, 0)) * (isShort ? -1 : 1);
            lots.Add(Lot(portfolioId, lots, symbol, isShort ? LotCodes.ShortHolding : LotCodes.LongHolding, LotCodes.Public, quantity, price, inception));
        }
        var longs = lots.Where(l => l.Quantity > 0).ToList();
        for (var k = 0; k < options; k++)
        {
            var underlying = longs[random.Next(longs.Count)].Symbol;
            var type = LotCodes.OptionTypes[random.Next(LotCodes.OptionTypes.Count)];
            var spot = (decimal)universe.Close(underlying, inception);
            var strike = Math.Max(0.5m, Math.Round(spot * (0.85m + (0.3m * (decimal)random.NextDouble())) * 2, 0) / 2);
            var expiry = calendar.OnOrBefore(businessDate.AddDays(30 + random.Next(150)));
            var closes = universe.Closes(underlying).Take(universe.DayIndex(inception) + 1).ToList();
            var entry = OptionEntryPricer.Price(closes, type, strike, calendar.CountTradingDays(inception, expiry), riskFreeRate);
            var contracts = (10m + random.Next(190)) * (LotCodes.IsLong(type) ? 1 : -1);
            var lot = Lot(portfolioId, lots, OptionEntryPricer.OccSymbol(underlying, expiry, type, strike), type, LotCodes.Options, contracts,
                entry, inception);
            lot.UnderlyingSymbol = underlying;
            lot.StrikePrice = strike;
            lot.ExpirationDate = expiry;
            lots.Add(lot);
        }
        return lots;
    }

    /// <summary>$5k to $200k, log-uniform.</summary>
    private static decimal Notional(Random random) => (decimal)(5_000 * Math.Exp(Math.Log(40) * random.NextDouble()));

    /// <summary><paramref name="count"/> distinct indexes below <paramref name="size"/> (partial Fisher–Yates).</summary>
    private static List<int> Pick(Random random, int size, int count)
    {
        var chosen = new Dictionary<int, int>();
        var picked = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(size - i);
            var atJ = chosen.GetValueOrDefault(j, j);
            chosen[j] = chosen.GetValueOrDefault(i, i);
            picked.Add(atJ);
        }
        return picked;
    }

    /// <summary>A lot; a second lot of the same contract in the book gets the next lot index.</summary>
    private static Position Lot(Guid portfolioId, List<Position> earlier, string symbol, string type, string investmentClass,
        decimal quantity, decimal entryPrice, DateOnly inception)
    {
        var lotIndex = earlier.Count(l => l.Symbol == symbol);
        return new Position
        {
            Id = DemoSeeder.StableGuid($"{portfolioId}_{symbol}_{inception:yyyy-MM-dd}_{lotIndex}"),
            PortfolioId = portfolioId, Symbol = symbol, PositionType = type, InvestmentClass = investmentClass,
            Quantity = quantity, EntryPrice = entryPrice, EntryDate = inception, LotIndex = lotIndex,
        };
    }
}

/// <summary>One bench portfolio with its lots and its funding contribution.</summary>
public sealed record BenchBook(Portfolio Portfolio, IReadOnlyList<Position> Lots, EquityChange Funding);
