using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Bench;
using SigmaSight.Service.Risk;

namespace SigmaSight.UnitTests.Bench;

public class BenchUniverseTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly Last = new(2026, 11, 30);
    private static readonly IReadOnlyList<DateOnly> Days = [.. Calendar.TradingDays(Calendar.AddTradingDays(Last, -310), Last)];

    [Fact]
    public void Create_IsDeterministic_TheSameSeedGivesTheSameClosesAndSectors()
    {
        var first = BenchUniverse.Create(200, 7, Days, "SPY");
        var second = BenchUniverse.Create(200, 7, Days, "SPY");

        second.Stocks.Should().Equal(first.Stocks);
        foreach (var symbol in first.Symbols) second.Closes(symbol).Should().Equal(first.Closes(symbol), symbol);
    }

    [Fact]
    public void Create_GivesOtherClosesForAnotherSeed()
    {
        var first = BenchUniverse.Create(20, 1, Days, "SPY");
        var other = BenchUniverse.Create(20, 2, Days, "SPY");

        other.Closes("S0001").Should().NotEqual(first.Closes("S0001"));
        other.Closes("SPY").Should().NotEqual(first.Closes("SPY"));
    }

    [Fact]
    public void Create_AStocksPathDoesNotDependOnHowManyStocksThereAre()
    {
        var small = BenchUniverse.Create(30, 3, Days, "SPY");
        var large = BenchUniverse.Create(300, 3, Days, "SPY");

        large.Closes("S0017").Should().Equal(small.Closes("S0017"));
    }

    [Fact]
    public void Create_SpreadsTheStocksOverThe11SectorsAndAddsTheProxiesAndTheBenchmark()
    {
        var universe = BenchUniverse.Create(2_000, 1, Days, "NYA");

        universe.Stocks.Should().HaveCount(2_000).And.OnlyHaveUniqueItems(s => s.Symbol);
        universe.Stocks.GroupBy(s => s.Sector).Select(g => g.Key).Should().BeEquivalentTo(GicsSectors.All);
        universe.Stocks.GroupBy(s => s.Sector).Should().OnlyContain(g => g.Count() == 181 || g.Count() == 182);
        universe.Proxies.Should().Equal("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV", "NYA");
        universe.Days.Should().Equal(Days);
    }

    [Fact]
    public void Create_GivesEverySymbolAPositiveCloseOnEveryDay_WithDailyMovesOfAFewPercent()
    {
        var universe = BenchUniverse.Create(100, 5, Days, "SPY");

        foreach (var symbol in universe.Symbols)
        {
            var closes = universe.Closes(symbol);
            closes.Should().HaveCount(Days.Count).And.OnlyContain(c => c > 0);
            var returns = closes.Skip(1).Zip(closes, (today, yesterday) => Math.Log(today / yesterday)).ToList();
            var deviation = Math.Sqrt(returns.Select(r => r * r).Average());
            deviation.Should().BeInRange(0.0005, 0.05, symbol);
        }
    }

    [Fact]
    public void Close_RefusesADayOutsideTheUniverse_NamingIt()
    {
        var universe = BenchUniverse.Create(10, 1, Days, "SPY");

        var act = () => universe.Close("S0001", Last.AddDays(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*not a day of the universe*");
        ((Action)(() => universe.Closes("NOPE"))).Should().Throw<KeyNotFoundException>().WithMessage("*NOPE*");
    }
}
