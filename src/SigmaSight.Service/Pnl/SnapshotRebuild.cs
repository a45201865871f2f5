namespace SigmaSight.Service.Pnl;

/// <summary>
/// A portfolio whose stored snapshots from <see cref="FromDate"/> on were valued with a close that has since been
/// corrected (a price import replaced it): the next run that plans the portfolio rebuilds them, like a late close,
/// and removes the row.
/// </summary>
public sealed class SnapshotRebuild
{
    public Guid PortfolioId { get; set; }
    public DateOnly FromDate { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
