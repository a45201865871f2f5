using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Cli;

namespace SigmaSight.UnitTests.Cli;

/// <summary>
/// A backfill's range as the CLI and the API check it: both ends trading days (each refusal naming the nearest one),
/// supported dates, and a span counted without stepping before the first day.
/// </summary>
public sealed class RunInputsTests
{
    private static readonly NyseCalendar Calendar = new();

    /// <summary>Saturday 2026-12-05 17:00 UTC: the last completed trading day is Friday 2026-12-04.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-02", "2026-11-29", "--to", "--to 2026-11-29 is not an NYSE trading day (Sunday); the last trading day on or before it is 2026-11-27")]
    [InlineData("2026-11-02", "2026-11-26", "--to", "--to 2026-11-26 is not an NYSE trading day (Thanksgiving Day); the last trading day on or before it is 2026-11-25")]
    [InlineData("2026-11-28", "2026-12-04", "--from", "--from 2026-11-28 is not an NYSE trading day (Saturday); the first trading day on or after it is 2026-11-30")]
    [InlineData("0001-01-01", "2026-10-30", "--from", "--from 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("2026-10-01", "9999-12-31", "--to", "--to 9999-12-31 is outside the supported dates 1900-01-01..2199-12-31")]
    public void RequireRange_RefusesAnEndThatIsNotASupportedTradingDay_NamingTheNearestOne(string from, string to, string field, string message)
    {
        var check = () => RunInputs.RequireRange(Calendar, Day(from), Day(to), Now);

        var refusal = check.Should().Throw<UsageException>().Which;
        refusal.Message.Should().Be(message);
        refusal.Field.Should().Be(field.TrimStart('-'), "the API's 400 names the field");
    }

    [Fact]
    public void RequireRange_NamesTheApiFields_WhenGivenThem()
    {
        var check = () => RunInputs.RequireRange(Calendar, Day("2026-11-02"), Day("2026-11-28"), Now, "from", "to");

        check.Should().Throw<UsageException>().WithMessage("to 2026-11-28 is not an NYSE trading day (Saturday); *")
            .Which.Field.Should().Be("to");
    }

    [Fact]
    public void RequireRange_AcceptsTradingDaysInOrder_UpToTheLastCompletedOne()
    {
        var check = () => RunInputs.RequireRange(Calendar, Day("2026-11-02"), Day("2026-12-04"), Now);

        check.Should().NotThrow();
    }

    [Fact]
    public void RequireSpan_RefusesARangeFromTheCalendarsFirstDay_WithoutSteppingBeforeIt()
    {
        var check = () => RunInputs.RequireSpan(Calendar, DateOnly.MinValue, Day("2026-10-30"), 5_000, "--from..--to");

        check.Should().Throw<UsageException>().WithMessage("--from..--to 0001-01-01..2026-10-30 spans * trading days: a run covers at most 5000*");
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-06", 5)]
    [InlineData("2026-11-28", "2026-12-04", 5)]
    [InlineData("2026-11-26", "2026-11-27", 1)]
    public void RequireSpan_CountsTheTradingDaysOfTheRange_FirstDayIncluded(string from, string to, int days)
    {
        var exactly = () => RunInputs.RequireSpan(Calendar, Day(from), Day(to), days, "range");
        var oneFewer = () => RunInputs.RequireSpan(Calendar, Day(from), Day(to), days - 1, "range");

        exactly.Should().NotThrow();
        oneFewer.Should().Throw<UsageException>().WithMessage($"*spans {days} trading days*");
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
