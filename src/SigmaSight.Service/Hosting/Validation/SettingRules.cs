using Cronos;

namespace SigmaSight.Service.Hosting.Validation;

/// <summary>The checks of settings that the framework's annotations cannot express: cron, time zone, queues, delays.</summary>
public static class SettingRules
{
    /// <summary>The same parse Hangfire applies to a recurring job's cron (5 parts, or 6 with seconds).</summary>
    public static string? Cron(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{key} is empty: give a cron expression such as '30 16 * * 1-5'";
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (parts is not (5 or 6)) return $"{key} '{value}' is not a cron expression: it has {parts} part(s), a cron has 5 (or 6 with seconds)";
        try
        {
            CronExpression.Parse(value, parts == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"{key} '{value}' is not a cron expression: {e.Message}";
        }
    }

    public static string? TimeZone(string key, string? value) =>
        !string.IsNullOrWhiteSpace(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _) ? null
            : $"{key} '{value}' is not a known time zone (an IANA id such as America/New_York)";

    public static string? Positive(string key, TimeSpan value) =>
        value > TimeSpan.Zero ? null : $"{key} is {value}: it must be longer than zero";

    public static string? NotNegative(string key, TimeSpan value) =>
        value >= TimeSpan.Zero ? null : $"{key} is {value}: it must not be negative";
}
