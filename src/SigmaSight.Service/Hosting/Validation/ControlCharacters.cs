using System.Globalization;
using System.Text;

namespace SigmaSight.Service.Hosting.Validation;

/// <summary>
/// Control characters (U+0000–U+001F, U+007F–U+009F) in a text input: names, symbols, reasons, sources. PostgreSQL
/// refuses NUL in text (22021) and the others garble terminal tables and log lines, so each such input refuses them all,
/// naming the input and showing the character escaped.
/// </summary>
public static class ControlCharacters
{
    /// <summary>
    /// Null when <paramref name="text"/> has no control character; else
    /// "<paramref name="what"/> 'a\u0000b' contains a control character (U+0000)".
    /// </summary>
    public static string? Check(string what, string? text)
    {
        if (text is null) return null;
        foreach (var c in text)
        {
            if (char.IsControl(c))
                return string.Create(CultureInfo.InvariantCulture, $"{what} '{Escape(text)}' contains a control character (U+{(int)c:X4})");
        }
        return null;
    }

    /// <summary><paramref name="text"/> with each control character written as <c>\uXXXX</c>, so that a message can show it.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c)) escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
