using System.Globalization;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Cli;

namespace SigmaSight.Service.Api;

/// <summary>
/// Query and route values parsed strictly (ISO dates only, whole numbers), with a 400 that names the field and the form
/// expected instead of ASP.NET Core's binding message, which names .NET types and accepts e.g. 11/27/2026.
/// </summary>
public static class ApiQuery
{
    /// <summary>Null (and <paramref name="date"/>) when <paramref name="text"/> is absent or a supported ISO date; else the 400.</summary>
    public static IResult? Date(string field, string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text)) return null;
        if (!CliOptions.TryParseDate(text, out var parsed))
            return ApiProblems.Invalid(field, $"{field} '{text}' is not a date: give {CliOptions.DateFormat} (e.g. 2026-11-27)");
        if (SupportedDates.Check(field, parsed) is { } outside) return ApiProblems.Invalid(field, outside);
        date = parsed;
        return null;
    }

    /// <summary>Null (and <paramref name="value"/>) when <paramref name="text"/> is absent or a whole number; else the 400.</summary>
    public static IResult? Whole(string field, string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return null;
        }
        return ApiProblems.Invalid(field, $"{field} '{text}' is not a whole number");
    }
}
