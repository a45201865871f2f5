namespace SigmaSight.Service.Portfolios.Import;

/// <summary>A valid row of the flows CSV: a CONTRIBUTION or WITHDRAWAL of a positive amount, booked at the end of its day.</summary>
public sealed record ImportedFlow(int Line, string Portfolio, DateOnly Date, string Type, decimal Amount)
{
    /// <summary>One flow per portfolio, date and type: a re-imported row with the same key is the same flow.</summary>
    public (DateOnly Date, string Type) Key => (Date, Type);
}

/// <summary>The flows CSV: columns and the checks of one row on its own.</summary>
internal static class FlowRows
{
    public const int AmountScale = 2;

    public static IReadOnlyList<string> Required { get; } = ["portfolio", "date", "type", "amount"];

    public static IReadOnlyList<string> Types { get; } = [EquityChangeTypes.Contribution, EquityChangeTypes.Withdrawal];

    public static ImportedFlow? Parse(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var portfolio = row.PlainText("portfolio", required: true);
        var date = row.Date("date");
        if (row.Text("date") is null) row.Fail("date is required");
        var type = row.Code("type", "flow type", Types);
        var amount = row.Number("amount", AmountScale);
        if (row.Text("amount") is null) row.Fail("amount is required");
        else if (amount <= 0) row.Fail($"amount {row.Text("amount")} is not positive");
        return row.HasErrors ? null : new ImportedFlow(row.Line, portfolio!, date!.Value, type!, amount!.Value);
    }
}
