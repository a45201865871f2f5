using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.Batches;

/// <summary>
/// The business date of a trigger instant: the last NYSE trading day whose 16:30 New York cutoff has passed.
/// Independent of the server's clock and time zone.
/// </summary>
public static class BusinessDate
{
    public static readonly TimeOnly Cutoff = new(16, 30);

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateOnly Resolve(DateTimeOffset instant, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = TimeZoneInfo.ConvertTime(instant, NewYork);
        var day = DateOnly.FromDateTime(local.DateTime);
        var afterCutoff = TimeOnly.FromDateTime(local.DateTime) >= Cutoff;
        return calendar.IsTradingDay(day) && afterCutoff ? day : calendar.PreviousTradingDay(day);
    }
}
