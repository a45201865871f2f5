using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.UnitTests.Portfolios;

public class DemoPrivateMarksTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly int Seed = new DemoOptions().Seed;

    private static SyntheticMarket MarketAt(DateOnly inception) => SyntheticMarketDataProvider.Create(Seed, inception, Calendar);

    [Theory]
    [InlineData(0, new[] { "2026-09-30", "2026-12-31", "2027-03-31", "2027-06-30" })]
    [InlineData(1, new[] { "2026-10-30", "2027-01-29", "2027-04-30", "2027-07-30" })]
    [InlineData(2, new[] { "2026-08-31", "2026-11-30", "2027-02-26", "2027-05-28" })]
    [InlineData(4, new[] { "2026-10-21", "2027-01-21", "2027-04-20", "2027-07-21" })]
    [InlineData(8, new[] { "2026-08-11", "2026-11-10", "2027-02-08", "2027-05-11" })]
    public void Schedule_ReportsEveryThirdMonthOnItsSlotsDay_AfterInception(int slot, string[] expected)
    {
        var inception = new DateOnly(2026, 8, 5);
        var marks = DemoPrivateMarks.Schedule(MarketAt(inception), Calendar, Seed, "FO_GROWTH_PE", slot, 203571.43m,
            inception, new DateOnly(2027, 7, 30));

        marks.Select(m => m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(expected);
        marks.Should().OnlyContain(m => m.ValuePerUnit > 0 && Math.Round(m.ValuePerUnit, 2) == m.ValuePerUnit);
    }

    [Fact]
    public void Schedule_IsEmpty_WhenNoReportFallsAfterInception()
    {
        var inception = new DateOnly(2026, 10, 1);
        DemoPrivateMarks.Schedule(MarketAt(inception), Calendar, Seed, "FO_GROWTH_PE", 0, 100m, inception, new DateOnly(2026, 12, 30))
            .Should().BeEmpty();
    }

    [Fact]
    public void Schedule_GrowsCashLikeAssetsAtTheirDriftOnly_AndMovesRiskyOnes()
    {
        var inception = new DateOnly(2026, 8, 5);
        var market = MarketAt(inception);
        var bills = DemoPrivateMarks.Schedule(market, Calendar, Seed, "TREASURY_BILLS", 0, 25305.98m, inception, new DateOnly(2026, 9, 30));
        var days = Calendar.CountTradingDays(new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30));
        bills.Should().ContainSingle().Which.ValuePerUnit
            .Should().Be(Math.Round((decimal)(25305.98 * Math.Exp(0.043 * days / 252.0)), 2, MidpointRounding.AwayFromZero));

        var venture = DemoPrivateMarks.Schedule(market, Calendar, Seed, "A16Z_VC_FUND", 0, 126529.90m, inception, new DateOnly(2027, 9, 30));
        venture.Should().HaveCount(5);
        venture.Select(m => m.ValuePerUnit).Distinct().Should().HaveCount(5);
        venture.Zip(venture.Skip(1), (a, b) => Math.Abs(Math.Log((double)(b.ValuePerUnit / a.ValuePerUnit)))).Max()
            .Should().BeInRange(0.01, 1.0, "a venture mark moves by the quarter's market and idiosyncratic change");
    }

    [Fact]
    public void Schedule_IsAPureFunctionOfItsInputs()
    {
        var inception = new DateOnly(2026, 8, 5);
        var first = DemoPrivateMarks.Schedule(MarketAt(inception), Calendar, Seed, "FO_VC_SECONDARIES", 2, 140561.22m, inception, new DateOnly(2027, 8, 5));
        var again = DemoPrivateMarks.Schedule(
            new SyntheticMarket(new SyntheticMarketDefinition(Seed, inception, DemoCatalog.AnchorCloses), Calendar),
            Calendar, Seed, "FO_VC_SECONDARIES", 2, 140561.22m, inception, new DateOnly(2027, 8, 5));
        again.Should().Equal(first);
    }

    [Fact]
    public void Schedule_Throws_ForASymbolWithoutValuationModel()
    {
        var inception = new DateOnly(2026, 8, 5);
        var act = () => DemoPrivateMarks.Schedule(MarketAt(inception), Calendar, Seed, "AAPL", 0, 1m, inception, inception.AddYears(1));
        act.Should().Throw<ArgumentException>().WithMessage("*AAPL*no valuation model*");
    }

    [Fact]
    public void EveryPrivateDemoSymbol_HasAValuationModel() =>
        DemoCatalog.Portfolios.SelectMany(p => p.Lots).Where(l => l.InvestmentClass == "PRIVATE").Select(l => l.Symbol)
            .Distinct().Should().BeEquivalentTo(DemoCatalog.PrivateAssets.Keys);
}
