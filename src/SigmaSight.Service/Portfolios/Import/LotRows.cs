using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// The lots CSV: columns, and the checks of one row on its own (codes, numbers, dates on NYSE trading days, the
/// quantity's sign, exit pairs and order, option fields). Checks across rows and against the database are the
/// importer's.
/// </summary>
internal static class LotRows
{
    public const int QuantityScale = 6;
    public const int PriceScale = 6;

    public static IReadOnlyList<string> Required { get; } =
        ["portfolio", "owner", "symbol", "position_type", "investment_class", "quantity", "entry_price", "entry_date"];

    public static IReadOnlyList<string> Optional { get; } =
        ["exit_price", "exit_date", "underlying_symbol", "strike_price", "expiration_date"];

    public static ImportedLot? Parse(CsvRow row, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(calendar);
        var portfolio = row.PlainText("portfolio", required: true);
        var owner = row.PlainText("owner", required: true);
        var symbol = row.PlainText("symbol", required: true);
        var type = row.Code("position_type", "position type", LotCodes.PositionTypes);
        var kind = row.Code("investment_class", "investment class", LotCodes.InvestmentClasses);
        var quantity = Quantity(row, type);
        var entryPrice = row.Number("entry_price", PriceScale);
        if (entryPrice <= 0) row.Fail($"entry_price {row.Text("entry_price")} is not positive");
        if (row.Text("entry_price") is null) row.Fail("entry_price is required");
        var entryDate = row.TradingDay("entry_date", calendar);
        if (row.Text("entry_date") is null) row.Fail("entry_date is required");
        var (exitPrice, exitDate) = Exit(row, calendar, entryDate);
        var underlying = row.PlainText("underlying_symbol", required: false);
        var strike = row.Number("strike_price", PriceScale);
        var expiration = row.Date("expiration_date");
        if (type is not null && kind is not null)
            CheckOption(row, type, kind, underlying, strike, expiration, entryDate, exitDate, calendar);

        if (row.HasErrors) return null;
        return new ImportedLot(row.Line, portfolio!, owner!, symbol!, type!, kind!, quantity!.Value, entryPrice!.Value,
            entryDate!.Value, exitPrice, exitDate, underlying, strike, expiration);
    }

    private static decimal? Quantity(CsvRow row, string? type)
    {
        if (row.Text("quantity") is null)
        {
            row.Fail("quantity is required");
            return null;
        }
        var quantity = row.Number("quantity", QuantityScale);
        if (quantity == 0) row.Fail("quantity is zero");
        else if (quantity is { } q && type is not null && q > 0 != LotCodes.IsLong(type))
            row.Fail($"quantity {row.Text("quantity")} must be {(LotCodes.IsLong(type) ? "positive" : "negative")} for {type}");
        return quantity;
    }

    private static (decimal? Price, DateOnly? Date) Exit(CsvRow row, NyseCalendar calendar, DateOnly? entryDate)
    {
        var price = row.Number("exit_price", PriceScale);
        var date = row.TradingDay("exit_date", calendar);
        if (price < 0) row.Fail($"exit_price {row.Text("exit_price")} is negative");
        var (hasPrice, hasDate) = (row.Text("exit_price") is not null, row.Text("exit_date") is not null);
        if (hasPrice && !hasDate) row.Fail("exit_price without exit_date");
        if (hasDate && !hasPrice) row.Fail("exit_date without exit_price");
        if (date < entryDate) row.Fail($"exit_date {date:yyyy-MM-dd} is before entry_date {entryDate:yyyy-MM-dd}");
        return (price, date);
    }

    private static void CheckOption(CsvRow row, string type, string kind, string? underlying, decimal? strike,
        DateOnly? expiration, DateOnly? entryDate, DateOnly? exitDate, NyseCalendar calendar)
    {
        var isOption = LotCodes.OptionTypes.Contains(type);
        if (isOption != (kind == LotCodes.Options))
        {
            row.Fail(isOption
                ? $"position type {type} is an option: investment_class must be OPTIONS, not {kind}"
                : $"investment class OPTIONS needs an option position type ({string.Join(", ", LotCodes.OptionTypes)}), not {type}");
            return;
        }
        if (!isOption)
        {
            if (underlying is not null || row.Text("strike_price") is not null || row.Text("expiration_date") is not null)
                row.Fail("underlying_symbol, strike_price and expiration_date apply only to options (LC, LP, SC, SP)");
            return;
        }
        if (underlying is null) row.Fail("an option needs underlying_symbol");
        if (row.Text("strike_price") is null) row.Fail("an option needs strike_price");
        else if (strike <= 0) row.Fail($"strike_price {row.Text("strike_price")} is not positive");
        if (row.Text("expiration_date") is null) row.Fail("an option needs expiration_date");
        if (expiration is not { } expiry) return;
        var lastDay = calendar.OnOrBefore(expiry);
        if (entryDate > lastDay) row.Fail($"expiration_date {expiry:yyyy-MM-dd} is before entry_date {entryDate:yyyy-MM-dd}");
        else if (exitDate > lastDay)
            row.Fail($"exit_date {exitDate:yyyy-MM-dd} is after the option's last trading day {lastDay:yyyy-MM-dd}");
    }
}
