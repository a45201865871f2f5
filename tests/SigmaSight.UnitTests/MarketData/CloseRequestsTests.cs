using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData;

namespace SigmaSight.UnitTests.MarketData;

public class CloseRequestsTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static readonly DateOnly Window = Calendar.AddTradingDays(Monday, -299);
    private static readonly StoredSpan Complete = new(Window, Calendar.PreviousTradingDay(Monday));

    [Fact]
    public void Plan_MakesOneRequestForTheRunsDays_WhenEveryHistoryIsComplete()
    {
        var stored = new Dictionary<string, StoredSpan> { ["SPY"] = Complete, ["AAPL"] = Complete };

        var requests = CloseRequests.Plan(Calendar, ["SPY", "AAPL", "SPY"], stored, Window, Monday);

        requests.Should().ContainSingle().Which.Should().BeEquivalentTo(new CloseRequest(Monday, ["AAPL", "SPY"]));
    }

    [Fact]
    public void Plan_StartsTheDayAfterTheLastStoredClose_AndGivesANewOrShortSymbolTheWholeWindow()
    {
        var lastFriday = new DateOnly(2026, 10, 30);
        var stored = new Dictionary<string, StoredSpan>
        {
            ["AAPL"] = Complete,
            ["LAGGING"] = Complete with { Last = new DateOnly(2026, 10, 28) },
            ["SHORT"] = Complete with { First = Calendar.NextTradingDay(Window) },
            ["FRIDAY"] = Complete with { Last = Calendar.PreviousTradingDay(lastFriday) },
        };

        var requests = CloseRequests.Plan(Calendar, ["AAPL", "NEW", "LAGGING", "SHORT", "FRIDAY", "SPY"], stored, Window, Monday);

        requests.Should().BeEquivalentTo(
            [
                new CloseRequest(Window, ["NEW", "SHORT", "SPY"]), new CloseRequest(new DateOnly(2026, 10, 29), ["LAGGING"]),
                new CloseRequest(lastFriday, ["FRIDAY"]), new CloseRequest(Monday, ["AAPL"]),
            ],
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Plan_StartsAtTheWindowsFirstTradingDay_WhenTheWindowStartsOnAWeekend()
    {
        var saturday = new DateOnly(2025, 11, 1);

        var requests = CloseRequests.Plan(Calendar, ["NEW"], new Dictionary<string, StoredSpan>(), saturday, Monday);

        requests.Should().ContainSingle().Which.From.Should().Be(new DateOnly(2025, 11, 3));
    }

    [Fact]
    public void Plan_AsksForTheRunsDaysOnly_WhenTheWindowBeginsAtTheRange()
    {
        var requests = CloseRequests.Plan(Calendar, ["NEW"], new Dictionary<string, StoredSpan>(), Monday, Monday);

        requests.Should().ContainSingle().Which.From.Should().Be(Monday);
    }

    [Fact]
    public void WindowStart_GivesTheRunsFirstDayTheRequiredCloses_WhenThePlannedLookbackIsShorter()
    {
        var planned = Calendar.AddTradingDays(Monday, -100);

        var start = CloseRequests.WindowStart(Calendar, planned, Monday, historyTradingDays: 300);

        Calendar.TradingDays(start, Monday).Should().HaveCount(300, "300 closes up to and including the first day");
    }

    [Fact]
    public void WindowStart_KeepsThePlannedLookback_WhenItReachesFurtherBack()
    {
        var planned = Calendar.AddTradingDays(Monday, -400);

        CloseRequests.WindowStart(Calendar, planned, Monday, historyTradingDays: 300).Should().Be(planned);
        CloseRequests.WindowStart(Calendar, null, Monday, historyTradingDays: 274)
            .Should().Be(Calendar.AddTradingDays(Monday, -273));
    }

    [Fact]
    public void WindowStart_CountsFromTheNextTradingDay_WhenTheRangeStartsOnAWeekend()
    {
        var saturday = new DateOnly(2026, 10, 31);

        var start = CloseRequests.WindowStart(Calendar, null, saturday, historyTradingDays: 10);

        Calendar.TradingDays(start, Monday).Should().HaveCount(10);
    }
}
