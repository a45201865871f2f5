using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.Cli;

/// <summary>
/// Options whose parse errors name the option, the value and the expected form (exit code 64, nothing run). Dates and
/// instants must lie within <see cref="SupportedDates"/>.
/// </summary>
public static class CliOptions
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = r => ParseDate(r, name),
    };

    /// <summary>A run id, or a unique prefix or suffix of one (<see cref="Batches.RunReferences"/>), checked for form here.</summary>
    public static Argument<string?> RunId(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return null;
            var text = r.Tokens[0].Value;
            if (Batches.RunReferences.Normalize(text) is null)
                r.AddError($"{name} '{text}' is not a run id (give {Batches.RunReferences.Expected})");
            return text;
        },
    };

    public static Option<DateTimeOffset[]> Instants(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r =>
        {
            var instants = new List<DateTimeOffset>();
            foreach (var token in r.Tokens)
            {
                if (!TryParseInstant(token.Value, out var instant))
                    r.AddError($"{name} '{token.Value}' is not an instant: give ISO 8601 with an offset, e.g. 2026-11-24T21:30:00Z or 2026-11-24T16:30:00-05:00");
                else if (!SupportedDates.Contains(instant))
                    r.AddError($"{name} '{token.Value}' is outside the supported dates {SupportedDates.Range} (UTC)");
                else instants.Add(instant);
            }
            return [.. instants];
        },
    };

    /// <summary>
    /// An ISO 8601 instant with an explicit offset (Z or ±hh:mm); a local time without an offset is refused. (AssumeUniversal
    /// only gives the literal Z its meaning whatever the machine's zone: every accepted form carries an offset.)
    /// </summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    /// <summary>An ISO date (yyyy-MM-dd) and nothing else: no other order, no time.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>An int option that must be within [min, max]; anything but a whole number is refused in plain words.</summary>
    public static Option<int> Bounded(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseWhole(r, name, min, max) ?? defaultValue,
    };

    /// <summary>An optional int option within [min, max] (null when not given).</summary>
    public static Option<int?> OptionalBounded(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        CustomParser = r => ParseWhole(r, name, min, max),
    };

    private static int? ParseWhole(ArgumentResult result, string name, int min, int max)
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError($"{name} needs a whole number: give {min}..{max}");
            return null;
        }
        var text = result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a whole number: give {min}..{max}"));
            return null;
        }
        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} {value} is out of range: give {min}..{max}"));
            return null;
        }
        return value;
    }

    public static Option<string> IpAddress(string name, string description, string defaultValue)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (!IPAddress.TryParse(value, out _))
                r.AddError($"{name} '{value}' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
        });
        return option;
    }

    private static DateOnly? ParseDate(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        if (!TryParseDate(text, out var date)) result.AddError($"{name} '{text}' is not a date: give {DateFormat} (e.g. 2026-11-27)");
        else if (SupportedDates.Check(name, date) is { } outside) result.AddError(outside);
        else return date;
        return null;
    }
}
