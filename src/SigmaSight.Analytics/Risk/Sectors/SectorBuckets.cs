namespace SigmaSight.Analytics.Risk.Sectors;

/// <summary>Names of the non-GICS buckets of the sector breakdown.</summary>
public static class SectorBuckets
{
    /// <summary>ETFs and funds.</summary>
    public const string Etf = "ETF";

    /// <summary>Options (by market value, i.e. premium).</summary>
    public const string Options = "Options";

    /// <summary>Private assets.</summary>
    public const string Private = "Private";

    /// <summary>Stocks without a sector; still part of the equity sleeve.</summary>
    public const string Unclassified = "Unclassified";
}
