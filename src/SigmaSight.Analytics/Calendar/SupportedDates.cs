using System.Globalization;

namespace SigmaSight.Analytics.Calendar;

/// <summary>
/// The dates the service takes as input: 1900-01-01 to 2199-12-31. <see cref="NyseCalendar"/> steps through any year,
/// but a date near <see cref="DateOnly"/>'s ends leaves it no room (the trading day before 0001-01-02 does not exist,
/// nor a week after 9999-12-31), and no business date, trade or price of this service lies outside the range.
/// </summary>
public static class SupportedDates
{
    /// <summary>The first date accepted: 1900-01-01.</summary>
    public static DateOnly First { get; } = new(1900, 1, 1);

    /// <summary>The last date accepted: 2199-12-31.</summary>
    public static DateOnly Last { get; } = new(2199, 12, 31);

    /// <summary>The range as a reader sees it: "1900-01-01..2199-12-31".</summary>
    public static string Range { get; } = string.Create(CultureInfo.InvariantCulture, $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}");

    /// <summary>True when <paramref name="date"/> lies within [<see cref="First"/>, <see cref="Last"/>].</summary>
    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>True when the UTC date of <paramref name="instant"/> lies within the range.</summary>
    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>
    /// Null for a supported date; else "<paramref name="what"/> 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31".
    /// </summary>
    public static string? Check(string what, DateOnly date) => Contains(date) ? null
        : string.Create(CultureInfo.InvariantCulture, $"{what} {date:yyyy-MM-dd} is outside the supported dates {Range}");
}
