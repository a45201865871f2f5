namespace SigmaSight.Service.Risk;

/// <summary>The 11 GICS sector names, as stored in <c>securities.sector</c> and <c>sector_benchmark_weights</c>.</summary>
public static class GicsSectors
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Communication Services", "Consumer Discretionary", "Consumer Staples", "Energy", "Financials", "Health Care",
        "Industrials", "Information Technology", "Materials", "Real Estate", "Utilities",
    ];
}
