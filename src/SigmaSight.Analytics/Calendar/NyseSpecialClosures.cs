using System.Collections.Frozen;

namespace SigmaSight.Analytics.Calendar;

/// <summary>Unscheduled full-day NYSE closures since 1990 (national mourning, attacks, weather).</summary>
internal static class NyseSpecialClosures
{
    /// <summary>Closure dates with their reason.</summary>
    public static readonly FrozenDictionary<DateOnly, string> All = new Dictionary<DateOnly, string>
    {
        [new DateOnly(1994, 4, 27)] = "Nixon funeral",
        [new DateOnly(2001, 9, 11)] = "September 11",
        [new DateOnly(2001, 9, 12)] = "September 11",
        [new DateOnly(2001, 9, 13)] = "September 11",
        [new DateOnly(2001, 9, 14)] = "September 11",
        [new DateOnly(2004, 6, 11)] = "Reagan funeral",
        [new DateOnly(2007, 1, 2)] = "Ford mourning",
        [new DateOnly(2012, 10, 29)] = "Hurricane Sandy",
        [new DateOnly(2012, 10, 30)] = "Hurricane Sandy",
        [new DateOnly(2018, 12, 5)] = "G.H.W. Bush mourning",
        [new DateOnly(2025, 1, 9)] = "Carter mourning",
    }.ToFrozenDictionary();
}
