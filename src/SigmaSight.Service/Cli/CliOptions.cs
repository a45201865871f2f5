using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace SigmaSight.Service.Cli;

/// <summary>Options whose parse errors name the option, the value and the expected form (exit code 64, nothing run).</summary>
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
                if (DateTimeOffset.TryParse(token.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) instants.Add(instant);
                else r.AddError($"{name} '{token.Value}' is not an instant (ISO 8601 with an offset, e.g. 2026-11-24T21:30:00Z)");
            }
            return [.. instants];
        },
    };

    /// <summary>An int option that must be within [min, max].</summary>
    public static Option<int> Bounded(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min || value > max)
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} {value} is out of range: give {min}..{max}"));
        });
        return option;
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
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"{name} '{text}' is not a date: give {DateFormat}");
        return null;
    }
}
