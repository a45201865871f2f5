using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData;

namespace SigmaSight.UnitTests.MarketData;

public class CloseRequestsTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public void Plan_MakesOneRequestForTheRunsDays_WhenNoSymbolMissesHistory()
    {
        var requests = CloseRequests.Plan(["SPY", "AAPL", "SPY"], new Dictionary<string, DateOnly>(), Monday);

        requests.Should().ContainSingle().Which.Should().BeEquivalentTo(new CloseRequest(Monday, ["AAPL", "SPY"]));
    }

    [Fact]
    public void Plan_StartsEachSymbolAtItsFirstMissingDay_GroupedAndEarliestFirst()
    {
        var early = new DateOnly(2025, 9, 2);
        var late = new DateOnly(2026, 10, 28);
        var firstMissing = new Dictionary<string, DateOnly> { ["NEW"] = early, ["GAP"] = late, ["OTHER"] = early };

        var requests = CloseRequests.Plan(["AAPL", "NEW", "GAP", "OTHER", "SPY"], firstMissing, Monday);

        requests.Should().BeEquivalentTo(
            [new CloseRequest(early, ["NEW", "OTHER"]), new CloseRequest(late, ["GAP"]), new CloseRequest(Monday, ["AAPL", "SPY"])],
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Plan_IgnoresAMissingDayOnOrAfterTheRangeStart_BecauseThoseDaysAreFetchedAnyway()
    {
        var requests = CloseRequests.Plan(["AAPL"], new Dictionary<string, DateOnly> { ["AAPL"] = Monday }, Monday);

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
