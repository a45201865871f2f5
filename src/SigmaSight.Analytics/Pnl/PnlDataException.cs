namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// The day cannot be computed from the data as it stands (missing price, insufficient history, invalid or
/// out-of-range data). Not transient: retrying without a data fix gives the same result.
/// </summary>
public class PnlDataException : Exception
{
    public PnlDataException()
    {
    }

    public PnlDataException(string message)
        : base(message)
    {
    }

    public PnlDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the symbol and date concerned, when there is one.</summary>
    public PnlDataException(string message, string? symbol, DateOnly? date)
        : base(message)
    {
        Symbol = symbol;
        Date = date;
    }

    /// <summary>The symbol concerned (lot, option or underlying), when there is one.</summary>
    public string? Symbol { get; }

    /// <summary>The date concerned (price date, event date or snapshot date), when there is one.</summary>
    public DateOnly? Date { get; }
}
