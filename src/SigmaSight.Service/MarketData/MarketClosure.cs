namespace SigmaSight.Service.MarketData;

/// <summary>An exchange closure an operator added beyond the calendar's rules.</summary>
public sealed class MarketClosure
{
    public DateOnly Date { get; set; }
    public required string Reason { get; set; }
}
