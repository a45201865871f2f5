namespace SigmaSight.Service.MarketData.Import;

/// <summary>A refused line of a price file: its 1-based line number (the header is line 1) and why.</summary>
public sealed record PriceImportError(long Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
