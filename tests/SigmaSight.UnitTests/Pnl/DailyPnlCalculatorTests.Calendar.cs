using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Pnl;
using static SigmaSight.UnitTests.Pnl.PnlScenario;

namespace SigmaSight.UnitTests.Pnl;

/// <summary>Events on closed days are booked on the next trading day.</summary>
public partial class DailyPnlCalculatorTests
{
    [Fact]
    public void Calculate_BooksWeekendEventsOnMonday_WhenDatedSaturday()
    {
        // AAPL 10 @ 100 from 3/3, flat at 100 every day. Saturday 3/8: +1,000 contribution and AAPL 2 bought @ 99.
        // Fri 3/7: neither counted (flow 0, 1 position). Mon 3/10: flow 1,000; cash 9,000 + 1,000 − 198 = 9,802;
        // NAV = 9,802 + 1,200 = 11,002; pnl = 11,002 − 10,000 − 1,000 = 2 = 2 × (100 − 99).
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Flow(D(3, 8), 1_000m)
            .Closes("AAPL", D(3, 3), 100m, 100m, 100m, 100m, 100m, 100m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));
        s.Lot("AAPL", 2m, 99m, D(3, 8));

        var days = s.Run(D(3, 10));

        var friday = days.Single(r => r.Date == D(3, 7));
        friday.Should().BeEquivalentTo(new { DailyCapitalFlow = 0m, NumPositions = 1, Nav = 10_000m });
        var monday = days[^1];
        monday.Date.Should().Be(D(3, 10));
        monday.Should().BeEquivalentTo(new { DailyCapitalFlow = 1_000m, Cash = 9_802m, Nav = 11_002m, DailyPnl = 2m, NumPositions = 2 });
    }

    [Fact]
    public void Calculate_BooksEventOnNextTradingDay_WhenWeekdayIsAnExtraClosure()
    {
        // Wed 3/12 closed (extra closure). −500 withdrawal dated 3/12 is booked Thu 3/13; Thu's previous day is Tue 3/11.
        var s = new PnlScenario(new NyseCalendar([D(3, 12)])).Flow(D(3, 3), 10_000m).Flow(D(3, 12), -500m);

        var days = s.Run(D(3, 13));

        days.Select(r => r.Date).Should().NotContain(D(3, 12));
        days[^1].Should().BeEquivalentTo(new { Date = D(3, 13), DailyCapitalFlow = -500m, Nav = 9_500m, DailyPnl = 0m });
        days[^2].Date.Should().Be(D(3, 11));
    }

    [Theory]
    [InlineData(3, 12)]   // weekday made closed via extraClosures
    [InlineData(3, 8)]    // Saturday
    public void Calculate_Throws_WhenDateIsNotATradingDay(int month, int day)
    {
        var s = new PnlScenario(new NyseCalendar([D(3, 12)])).Flow(D(3, 3), 10_000m);

        var act = () => s.Calculate(D(month, day), new PreviousSnapshot(D(3, 7), 10_000m, 0m, 0m, 10_000m));

        act.Should().Throw<PnlDataException>().WithMessage($"*Alpha*2025-03-{day:00} is not a trading day*");
    }
}
