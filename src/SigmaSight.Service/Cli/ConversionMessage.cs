using System.Text.RegularExpressions;

namespace SigmaSight.Service.Cli;

/// <summary>
/// Rewrites the configuration binder's "Failed to convert configuration value 'v' at 'Key' to type 'System.TimeSpan'" in
/// plain words: "Key 'v' is not a duration (hh:mm:ss)".
/// </summary>
public static partial class ConversionMessage
{
    /// <summary>The plain message for a binder conversion failure; null when <paramref name="message"/> is not one.</summary>
    public static string? Plain(string message)
    {
        var match = Conversion().Match(message);
        if (!match.Success) return null;
        var expected = match.Groups["type"].Value switch
        {
            "System.TimeSpan" => "a duration (hh:mm:ss, e.g. 00:00:05)",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.DateOnly" => "a date (yyyy-MM-dd)",
            var type when type.StartsWith("System.", StringComparison.Ordinal) => "a valid value",
            _ => "one of the documented values",
        };
        return $"{match.Groups["key"].Value} '{match.Groups["value"].Value}' is not {expected}";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex Conversion();
}
