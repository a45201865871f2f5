using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches.Verification;

namespace SigmaSight.UnitTests.Batches;

/// <summary>Issue 8, point 6: a close one trading day old is a warning, two or more trading days old is critical.</summary>
public sealed class StaleSeverityTests
{
    private static readonly NyseCalendar Calendar = new();

    [Theory]
    [InlineData("2026-11-24", "2026-11-25", "warning")]  // Tue close used on Wed
    [InlineData("2026-11-25", "2026-11-27", "warning")]  // Wed close used on Fri: Thanksgiving is no trading day
    [InlineData("2026-11-27", "2026-11-30", "warning")]  // Fri close used on Mon: the weekend is no trading day
    [InlineData("2026-11-24", "2026-11-27", "critical")] // Tue close used on Fri: Wed was missed too
    [InlineData("2026-11-20", "2026-11-30", "critical")]
    public void StaleSeverity_CountsTradingDaysNotCalendarDays(string priceDate, string valueDate, string expected) =>
        RunFindings.StaleSeverity(Calendar, DateOnly.Parse(priceDate, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(valueDate, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);
}
