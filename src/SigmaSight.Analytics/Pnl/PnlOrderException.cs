namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// The previous stored snapshot is not the previous trading day's: days must be computed in order and never
/// rolled forward from stale equity.
/// </summary>
public sealed class PnlOrderException : PnlDataException
{
    public PnlOrderException()
    {
    }

    public PnlOrderException(string message)
        : base(message)
    {
    }

    public PnlOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the snapshot date found.</summary>
    public PnlOrderException(string message, DateOnly? latestSnapshotDate)
        : base(message, null, latestSnapshotDate)
    {
    }
}
