using SigmaSight.Analytics.Calendar;

namespace SigmaSight.UnitTests.Calendar;

/// <summary>Targeted rule cases and navigation; the golden-list checks are in NyseCalendarTests.Golden.cs.</summary>
public partial class NyseCalendarTests
{
    private readonly NyseCalendar _calendar = new();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2022-01-01", "Saturday")]
    [InlineData("2021-12-24", "Christmas Day")]
    [InlineData("2022-06-20", "Juneteenth National Independence Day")]
    [InlineData("2025-01-09", "special closure: Carter mourning")]
    [InlineData("2012-10-29", "special closure: Hurricane Sandy")]
    [InlineData("2012-10-30", "special closure: Hurricane Sandy")]
    [InlineData("2026-04-03", "Good Friday")]
    [InlineData("2025-11-27", "Thanksgiving Day")]
    [InlineData("1998-01-19", "Martin Luther King Jr. Day")]
    [InlineData("2023-01-02", "New Year's Day")]
    [InlineData("2020-07-03", "Independence Day")]
    [InlineData("2001-09-14", "special closure: September 11")]
    [InlineData("1994-04-27", "special closure: Nixon funeral")]
    [InlineData("2024-06-02", "Sunday")]
    public void IsTradingDay_False_WhenClosed(string date, string reason)
    {
        _calendar.IsTradingDay(D(date)).Should().BeFalse("{0} is closed for {1}", date, reason);
        _calendar.ClosureReason(D(date)).Should().Be(reason);
    }

    [Theory]
    [InlineData("2021-12-31", "New Year's Day 2022 is a Saturday and is not observed on Friday")]
    [InlineData("1993-12-31", "New Year's Day 1994 is a Saturday and is not observed on Friday")]
    [InlineData("1999-12-31", "New Year's Day 2000 is a Saturday and is not observed on Friday")]
    [InlineData("2021-06-18", "Juneteenth is observed only from 2022")]
    [InlineData("1997-01-20", "MLK Day is observed only from 1998")]
    [InlineData("2020-07-06", "a Saturday July 4 is observed on Friday, not Monday")]
    [InlineData("2026-04-06", "Easter Monday is not an NYSE holiday")]
    public void IsTradingDay_True_WhenNoRuleApplies(string date, string because)
    {
        _calendar.IsTradingDay(D(date)).Should().BeTrue(because);
        _calendar.ClosureReason(D(date)).Should().BeNull();
        NyseCalendar.HolidayName(D(date)).Should().BeNull();
    }

    [Fact]
    public void HolidayName_Null_WhenWeekend() =>
        NyseCalendar.HolidayName(D("2022-01-01")).Should().BeNull("a Saturday New Year's Day is not observed");

    [Fact]
    public void IsTradingDay_False_WhenOperatorAddsClosure()
    {
        var withClosure = new NyseCalendar([D("2024-03-13")]);

        _calendar.IsTradingDay(D("2024-03-13")).Should().BeTrue("the default calendar has no such closure");
        withClosure.IsTradingDay(D("2024-03-13")).Should().BeFalse("the operator closed it");
        withClosure.ClosureReason(D("2024-03-13")).Should().Be("operator closure");
        withClosure.NextTradingDay(D("2024-03-12")).Should().Be(D("2024-03-14"));
        withClosure.CountTradingDays(D("2024-03-10"), D("2024-03-16")).Should().Be(4);
    }

    [Theory]
    [InlineData("2012-10-26", "2012-10-31")] // weekend + Sandy
    [InlineData("2021-12-23", "2021-12-27")] // Christmas observed Friday + weekend
    [InlineData("2001-09-10", "2001-09-17")] // September 11 week
    [InlineData("2025-11-26", "2025-11-28")] // Thanksgiving
    [InlineData("2024-06-01", "2024-06-03")] // from a Saturday
    public void NextTradingDay_SkipsClosures_WhenClosedDaysFollow(string date, string expected)
    {
        _calendar.NextTradingDay(D(date)).Should().Be(D(expected));
        _calendar.PreviousTradingDay(D(expected)).Should().Be(_calendar.OnOrBefore(D(date)));
    }

    [Fact]
    public void OnOrAfterAndOnOrBefore_MoveToNearestTradingDay_WhenDateClosed()
    {
        _calendar.OnOrAfter(D("2026-04-03")).Should().Be(D("2026-04-06"), "Good Friday then weekend");
        _calendar.OnOrBefore(D("2026-04-05")).Should().Be(D("2026-04-02"));
        _calendar.OnOrAfter(D("2026-04-02")).Should().Be(D("2026-04-02"), "already a trading day");
        _calendar.OnOrBefore(D("2026-04-02")).Should().Be(D("2026-04-02"), "already a trading day");
    }

    [Theory]
    [InlineData("2021-12-23", 1, "2021-12-27")]
    [InlineData("2021-12-27", -1, "2021-12-23")]
    [InlineData("2021-12-25", 0, "2021-12-25")]
    [InlineData("2021-12-25", 1, "2021-12-27")]
    [InlineData("2021-12-25", -1, "2021-12-23")]
    [InlineData("2012-10-25", 2, "2012-10-31")]
    [InlineData("2023-12-29", 252, "2024-12-31")]
    [InlineData("2024-12-31", -252, "2023-12-29")]
    public void AddTradingDays_CountsOnlyTradingDays_WhenCrossingClosures(string date, int count, string expected) =>
        _calendar.AddTradingDays(D(date), count).Should().Be(D(expected));

    [Theory]
    [InlineData("2021-12-23", "2021-12-27", 1)]
    [InlineData("2021-12-24", "2021-12-24", 0)]
    [InlineData("2021-12-27", "2021-12-23", 0)]
    [InlineData("2023-12-31", "2024-12-31", 252)]
    [InlineData("2000-12-31", "2001-12-31", 248)]
    [InlineData("2012-10-26", "2012-10-31", 1)]
    public void CountTradingDays_ExcludesStartIncludesEnd_WhenRangeGiven(string from, string to, int expected) =>
        _calendar.CountTradingDays(D(from), D(to)).Should().Be(expected);

    [Theory]
    [InlineData("1990-01-01", "2035-12-31")]
    [InlineData("2001-09-11", "2001-09-17")]
    [InlineData("2021-12-24", "2023-01-02")]
    [InlineData("1999-06-15", "1999-06-16")]
    [InlineData("2024-02-29", "2031-07-04")]
    public void CountTradingDays_MatchesTradingDaysEnumeration_WhenRangeSpansYears(string from, string to)
    {
        var calendar = new NyseCalendar([D("2024-03-13"), D("2030-06-01"), D("2001-09-12")]);
        var enumerated = calendar.TradingDays(D(from).AddDays(1), D(to)).Count();

        calendar.CountTradingDays(D(from), D(to)).Should().Be(enumerated);
        calendar.AddTradingDays(D(from), enumerated).Should().Be(calendar.OnOrBefore(D(to)));
    }

    [Theory]
    [InlineData(1990, "1990-04-15")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")]
    public void EasterSunday_MatchesPublishedDate_WhenYearGiven(int year, string expected) =>
        NyseHolidays.EasterSunday(year).Should().Be(D(expected));

    [Fact]
    public void IsTradingDay_SameAnswers_WhenCalledConcurrently()
    {
        var days = Enumerable.Range(0, 365 * 46).Select(i => new DateOnly(1990, 1, 1).AddDays(i)).ToArray();
        var shared = new NyseCalendar();
        var parallel = new bool[days.Length];

        Parallel.For(0, days.Length, i => parallel[i] = shared.IsTradingDay(days[i]));

        parallel.Should().Equal(days.Select(_calendar.IsTradingDay));
    }
}
