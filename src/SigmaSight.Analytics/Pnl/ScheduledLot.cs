namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// A validated lot with its booking dates: entry and exit on eff(date) (the date, or the next trading day when
/// closed), and for options the settle date (last trading day on or before expiration).
/// </summary>
internal sealed record ScheduledLot(Lot Lot, DateOnly BookedEntry, DateOnly? BookedExit, DateOnly? SettleDate)
{
    /// <summary>Open at the close of D: entered, not exited and (options) not yet settled.</summary>
    public bool IsOpenAt(DateOnly date) =>
        BookedEntry <= date && !(BookedExit <= date) && !(SettleDate <= date);

    /// <summary>An option held to its settle date; an option exited on or before it does not settle.</summary>
    public bool SettlesOnOrBefore(DateOnly date) => BookedExit is null && SettleDate <= date;
}
