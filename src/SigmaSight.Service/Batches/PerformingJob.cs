namespace SigmaSight.Service.Batches;

/// <summary>
/// The Hangfire job the current flow performs and its ledger item: set by <see cref="LedgerFailureFilter"/> right
/// before Hangfire invokes the job (the same flow, so the job's awaits carry it), read by
/// <see cref="BatchLedger.BeginItemAsync"/>, which links the item to the job in the statement that marks it Running
/// instead of a statement of its own (issue 10).
/// </summary>
internal static class PerformingJob
{
    private static readonly AsyncLocal<(LedgerItemRef Item, string JobId)?> Current = new();

    public static void Set(LedgerItemRef item, string jobId) => Current.Value = (item, jobId);

    public static void Clear() => Current.Value = null;

    /// <summary>The id of the job performing <paramref name="item"/> in this flow, or null.</summary>
    public static string? JobIdOf(LedgerItemRef item) => Current.Value is { } current && current.Item == item ? current.JobId : null;
}
