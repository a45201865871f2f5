using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches;

namespace SigmaSight.UnitTests.Batches;

/// <summary>
/// The business date of a trigger instant: the last NYSE trading day whose 16:30 New York cutoff has passed.
/// Instants are given in UTC and the expected dates were worked out by hand (EDT = UTC−4 from 2026-03-08 to
/// 2026-11-01, EST = UTC−5 otherwise), so the result cannot depend on the machine's time zone.
/// </summary>
public sealed class BusinessDateTests
{
    [Theory]
    [InlineData("2026-11-24T21:29:00Z", "2026-11-23", "ordinary Tuesday 16:29 EST: before the cutoff")]
    [InlineData("2026-11-24T21:31:00Z", "2026-11-24", "ordinary Tuesday 16:31 EST: after the cutoff")]
    [InlineData("2026-11-25T04:30:00Z", "2026-11-24", "23:30 New York is already the 25th in UTC")]
    [InlineData("2026-03-08T20:31:00Z", "2026-03-06", "spring DST change day is a Sunday")]
    [InlineData("2026-03-09T20:29:00Z", "2026-03-06", "Monday after spring change, 16:29 EDT")]
    [InlineData("2026-03-09T20:31:00Z", "2026-03-09", "Monday after spring change, 16:31 EDT")]
    [InlineData("2026-11-01T21:31:00Z", "2026-10-30", "autumn DST change day is a Sunday")]
    [InlineData("2026-10-30T20:31:00Z", "2026-10-30", "Friday before autumn change, 16:31 EDT")]
    [InlineData("2026-11-02T21:29:00Z", "2026-10-30", "Monday after autumn change, 16:29 EST")]
    [InlineData("2026-11-02T21:31:00Z", "2026-11-02", "Monday after autumn change, 16:31 EST")]
    [InlineData("2026-11-28T17:00:00Z", "2026-11-27", "Saturday")]
    [InlineData("2026-11-26T22:00:00Z", "2026-11-25", "Thanksgiving 17:00 EST")]
    [InlineData("2026-11-27T22:00:00Z", "2026-11-27", "day after Thanksgiving is a trading day")]
    public void Resolve_ReturnsLastTradingDayPastTheCutoff(string instant, string expected, string because)
    {
        var date = BusinessDate.Resolve(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), new NyseCalendar());

        date.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), because);
    }

    [Fact]
    public void Resolve_SkipsAnOperatorClosure_WhenItIsAdded()
    {
        var closed = new NyseCalendar([new DateOnly(2026, 11, 24)]);

        BusinessDate.Resolve(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero), closed)
            .Should().Be(new DateOnly(2026, 11, 23));
    }
}
