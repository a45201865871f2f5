using System.Globalization;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// One data row of an import CSV: its fields by column name (trimmed; empty means absent) and parsers that record an
/// <see cref="ImportError"/> naming the line, the column and the value for each field that is not valid.
/// </summary>
internal sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, int> columns, string[] fields, List<ImportError> errors)
{
    /// <summary>Quantities, prices and amounts beyond this magnitude do not fit their columns.</summary>
    private const decimal Limit = 100_000_000_000_000m;

    private int _errors;

    public string File => file;

    public int Line => line;

    /// <summary>True once any field of this row was refused.</summary>
    public bool HasErrors => _errors > 0;

    public void Fail(string reason)
    {
        errors.Add(new ImportError(file, line, reason));
        _errors++;
    }

    /// <summary>The trimmed field, or null when the column is absent or the field empty.</summary>
    public string? Text(string column) =>
        columns.TryGetValue(column, out var i) && fields[i].Trim() is { Length: > 0 } value ? value : null;

    public string? Required(string column)
    {
        var value = Text(column);
        if (value is null) Fail($"{column} is required");
        return value;
    }

    /// <summary>
    /// A decimal number (a sign, a point, an exponent), rounded half away from zero to <paramref name="scale"/> places
    /// and carried with exactly that many (as the column stores it, so 1.5 and 1.500000 are one key).
    /// </summary>
    public decimal? Number(string column, int scale)
    {
        if (Text(column) is not { } text) return null;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            Fail($"{column} '{text}' is not a number");
            return null;
        }
        // Checked after rounding, as the column stores it: 99999999999999.9999999 rounds to 100000000000000.000000.
        var rounded = Math.Round(value, scale, MidpointRounding.AwayFromZero);
        if (Math.Abs(rounded) >= Limit)
        {
            Fail($"{column} {text} is out of range (below {Limit:0} in magnitude once rounded to {scale} decimals)");
            return null;
        }
        return rounded + new decimal(0, 0, 0, false, checked((byte)scale));
    }

    /// <summary>
    /// A free-text field (a name, an owner, a symbol), refused when it holds a control character (<see cref="ControlCharacters"/>);
    /// <paramref name="required"/> refuses an empty one too. The row's other checks still see the value.
    /// </summary>
    public string? PlainText(string column, bool required)
    {
        var value = required ? Required(column) : Text(column);
        if (ControlCharacters.Check(column, value) is { } bad) Fail(bad);
        return value;
    }

    /// <summary>An ISO date (yyyy-MM-dd) within <see cref="SupportedDates"/>.</summary>
    public DateOnly? Date(string column)
    {
        if (Text(column) is not { } text) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            Fail($"{column} '{text}' is not a date (yyyy-MM-dd)");
        else if (SupportedDates.Check(column, date) is { } outside) Fail(outside);
        else return date;
        return null;
    }

    /// <summary>An ISO date that must be an NYSE trading day (a trade happens on one).</summary>
    public DateOnly? TradingDay(string column, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var date = Date(column);
        if (date is { } d && !calendar.IsTradingDay(d))
        {
            Fail($"{column} {d:yyyy-MM-dd} is not an NYSE trading day ({calendar.ClosureReason(d)})");
            return null;
        }
        return date;
    }

    /// <summary>The field upper-cased when it is one of <paramref name="codes"/>; else a "unknown …" error.</summary>
    public string? Code(string column, string what, IReadOnlyList<string> codes)
    {
        if (Required(column) is not { } text) return null;
        var code = text.ToUpperInvariant();
        if (codes.Contains(code)) return code;
        Fail($"unknown {what} '{text}' (expected {string.Join(", ", codes)})");
        return null;
    }
}
