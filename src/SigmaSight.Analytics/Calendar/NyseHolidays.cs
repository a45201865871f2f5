using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace SigmaSight.Analytics.Calendar;

/// <summary>
/// The regular (rule-based) NYSE holidays, on the dates they are observed.
/// Valid from 1990; earlier years get the same rules, which is not historically exact.
/// </summary>
internal static class NyseHolidays
{
    /// <summary>First year the NYSE closed for Martin Luther King Jr. Day.</summary>
    private const int MartinLutherKingFirstYear = 1998;

    /// <summary>First year the NYSE closed for Juneteenth.</summary>
    private const int JuneteenthFirstYear = 2022;

    private static readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, string>> ByYear = new();

    /// <summary>
    /// Observed holidays of <paramref name="year"/> (all weekdays), keyed by date, valued by name.
    /// Every observed date lies inside its own calendar year: a Sunday New Year's Day moves to Jan 2,
    /// a Saturday one is not observed at all, and a Saturday Christmas moves to Dec 24.
    /// Cached per year; thread-safe.
    /// </summary>
    public static FrozenDictionary<DateOnly, string> ForYear(int year) => ByYear.GetOrAdd(year, Build);

    private static FrozenDictionary<DateOnly, string> Build(int year)
    {
        var holidays = new Dictionary<DateOnly, string>();

        void Add(DateOnly? date, string name)
        {
            if (date is { } d && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                holidays[d] = name;
        }

        Add(SundayToMonday(new DateOnly(year, 1, 1)), "New Year's Day");
        if (year >= MartinLutherKingFirstYear)
            Add(NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day");
        Add(NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday");
        Add(EasterSunday(year).AddDays(-2), "Good Friday");
        Add(LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day");
        if (year >= JuneteenthFirstYear)
            Add(NearestWeekday(new DateOnly(year, 6, 19)), "Juneteenth National Independence Day");
        Add(NearestWeekday(new DateOnly(year, 7, 4)), "Independence Day");
        Add(NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        Add(NthWeekday(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day");
        Add(NearestWeekday(new DateOnly(year, 12, 25)), "Christmas Day");

        return holidays.ToFrozenDictionary();
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The <paramref name="n"/>-th <paramref name="weekday"/> of the month (n ≥ 1).</summary>
    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="weekday"/> of the month.</summary>
    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }

    /// <summary>Saturday → Friday before, Sunday → Monday after, else unchanged.</summary>
    private static DateOnly NearestWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    /// <summary>Sunday → Monday after; a Saturday is not observed (NYSE: no Friday closure for a Saturday New Year's Day).</summary>
    private static DateOnly? SundayToMonday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => null,
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
