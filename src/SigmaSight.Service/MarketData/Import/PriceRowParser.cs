using System.Globalization;
using System.Text;
using CsvHelper;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Checks one data line of a price file, straight from the reader's UTF-8 fields: an ISO date (yyyy-MM-dd) within
/// <see cref="SupportedDates"/> that is an NYSE trading day (the calendar with its stored closures), a symbol without
/// white space or control characters, a close &gt; 0, and open/high/low &gt; 0 and a whole volume ≥ 0 when given
/// (prices checked once rounded to the 6 decimals they are stored with). Every problem of the line is named; a line
/// with any problem is refused. Remembers each date's verdict (files have few distinct dates). Not thread-safe: one
/// per file.
/// </summary>
public sealed class PriceRowParser(PriceCsvColumns columns, NyseCalendar calendar)
{
    public const int MaxSymbolLength = 32;

    /// <summary>numeric(20, 6) holds 14 integer digits.</summary>
    private const decimal Limit = 100_000_000_000_000m;

    /// <summary>The decimals of numeric(20, 6), to which PostgreSQL rounds a price half away from zero.</summary>
    private const int Scale = 6;

    private const NumberStyles Number = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent;

    private readonly Dictionary<int, (DateOnly Date, string? Refusal)?> _dates = [];
    private readonly List<string> _problems = [];

    /// <summary>The current record of <paramref name="reader"/> as a row, or null and its problems joined with "; ".</summary>
    public (PriceRow? Row, string? Problem) Parse(CsvReader reader, long line)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(columns);
        if (reader.FieldCount != columns.Count)
            return (null, $"has {reader.FieldCount} field(s), the header has {columns.Count}");
        _problems.Clear();
        var date = Date(reader.GetSpan(columns.Date));

        var symbol = reader.GetString(columns.Symbol) ?? "";
        if (symbol.Length == 0) _problems.Add("empty symbol");
        else if (symbol.Length > MaxSymbolLength) _problems.Add($"symbol longer than {MaxSymbolLength} characters");
        else if (ControlCharacters.Check("symbol", symbol) is { } control) _problems.Add(control);
        else if (HasWhiteSpace(symbol)) _problems.Add($"symbol '{symbol}' contains white space");

        var close = Price(reader.GetSpan(columns.Close), "close", required: true);
        var open = columns.Open < 0 ? null : Price(reader.GetSpan(columns.Open), "open", required: false);
        var high = columns.High < 0 ? null : Price(reader.GetSpan(columns.High), "high", required: false);
        var low = columns.Low < 0 ? null : Price(reader.GetSpan(columns.Low), "low", required: false);
        var volume = columns.Volume < 0 ? null : Volume(reader.GetSpan(columns.Volume));

        return _problems.Count == 0
            ? (new PriceRow(line, symbol, date, close!.Value, open, high, low, volume), null)
            : (null, string.Join("; ", _problems));
    }

    private DateOnly Date(ReadOnlySpan<byte> text)
    {
        var key = -1;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[..4]) is >= 0 and var year && Digits(text[5..7]) is >= 0 and var month && Digits(text[8..]) is >= 0 and var dayOfMonth)
            key = year * 10_000 + month * 100 + dayOfMonth;
        if (key < 0 || !_dates.TryGetValue(key, out var known))
        {
            known = key >= 0 && DateOnly.TryParseExact(Encoding.UTF8.GetString(text), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var parsed)
                ? (parsed, Refusal(parsed))
                : null;
            if (key >= 0) _dates[key] = known;
        }
        if (known is not { } day)
        {
            _problems.Add($"bad date '{Encoding.UTF8.GetString(text)}' (expected yyyy-MM-dd)");
            return default;
        }
        if (day.Refusal is { } refusal) _problems.Add(refusal);
        return day.Date;
    }

    /// <summary>Why a valid date cannot carry a price: outside <see cref="SupportedDates"/>, or not a trading day; else null.</summary>
    private string? Refusal(DateOnly date) =>
        SupportedDates.Check("date", date)
        ?? (calendar.IsTradingDay(date) ? null : $"{date:yyyy-MM-dd} is not an NYSE trading day ({calendar.ClosureReason(date) ?? "closed"})");

    /// <summary>The value of at most 4 ASCII digits, or −1 when any byte is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9') return -1;
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private decimal? Price(ReadOnlySpan<byte> text, string name, bool required)
    {
        if (text.IsEmpty)
        {
            if (required) _problems.Add($"missing {name}");
            return null;
        }
        if (!decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out var value))
        {
            _problems.Add($"unparsable {name} '{Encoding.UTF8.GetString(text)}'");
            return null;
        }
        // Checked after rounding to the column's scale, as PostgreSQL stores it: 0.0000001 is 0.000000 there.
        var rounded = value.Scale <= Scale ? value : Math.Round(value, Scale, MidpointRounding.AwayFromZero);
        if (value <= 0) _problems.Add($"{name} {Encoding.UTF8.GetString(text)} is not > 0");
        else if (rounded == 0) _problems.Add($"{name} {Encoding.UTF8.GetString(text)} is not > 0 once rounded to {Scale} decimals");
        else if (rounded >= Limit)
            _problems.Add($"{name} {Encoding.UTF8.GetString(text)} is too large (at most 14 integer digits once rounded to {Scale} decimals)");
        return rounded;
    }

    private long? Volume(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return null;
        if (!decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value)
            || value is < 0 or > long.MaxValue)
        {
            _problems.Add($"unparsable volume '{Encoding.UTF8.GetString(text)}' (expected a whole number ≥ 0)");
            return null;
        }
        return (long)value;
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
            if (char.IsWhiteSpace(c)) return true;
        return false;
    }
}
