using SigmaSight.Service.Batches;

namespace SigmaSight.Service.Api;

/// <summary>One run as listed by GET /api/runs.</summary>
public sealed record RunView(Guid Id, RunKind Kind, string Scope, DateOnly BusinessDate, DateOnly RangeFrom, DateOnly RangeTo,
    RunStatus Status, string RequestedBy, DateTimeOffset TriggerTime, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, double? DurationSeconds, Guid? SupersededBy, string? Summary, DateTimeOffset? DetailPrunedAt = null)
{
    public static RunView Of(BatchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Kind, run.Scope, run.BusinessDate, run.RangeFrom, run.RangeTo, run.Status, run.RequestedBy,
            run.TriggerTime, run.CreatedAt, run.StartedAt, run.FinishedAt, (run.FinishedAt - run.StartedAt)?.TotalSeconds,
            run.SupersededBy, run.Summary, run.DetailPrunedAt);
    }
}

/// <summary>One phase of a run: its fan-in counter and state.</summary>
public sealed record PhaseView(int Phase, string Name, PhaseStatus Status, int Expected, int Remaining, string? StarterJobId,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>One ledger item: its state, attempts, error and Hangfire job (with the dashboard page of the job).</summary>
public sealed record ItemView(int Phase, string ItemKey, ItemStatus Status, int Attempts, string? Error, string? HangfireJobId,
    string? JobUrl, Guid? PortfolioId, DateOnly? ItemDate, bool LateSuccess, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    DateOnly? FetchedFrom = null, DateOnly? FetchedTo = null)
{
    public static ItemView Of(BatchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Phase, item.ItemKey, item.Status, item.Attempts, item.Error, item.HangfireJobId,
            item.HangfireJobId is null ? null : $"/hangfire/jobs/details/{Uri.EscapeDataString(item.HangfireJobId)}",
            item.PortfolioId, item.ItemDate, item.LateSuccess, item.StartedAt, item.FinishedAt, item.FetchedFrom, item.FetchedTo);
    }
}

/// <summary>GET /api/runs/{id}: the run with its phases and items.</summary>
public sealed record RunDetailView(RunView Run, IReadOnlyList<PhaseView> Phases, IReadOnlyList<ItemView> Items,
    IReadOnlyList<Batches.Verification.FindingView> Findings);

/// <summary>A portfolio's snapshot for one trading day (docs/pnl-model.md); money in the portfolio's currency, 2 dp.</summary>
public sealed record SnapshotView(DateOnly Date, decimal EquityBalance, decimal CashValue, decimal DailyPnl, decimal? DailyReturn,
    string? DailyReturnNote, decimal CumulativePnl, decimal DailyRealizedPnl, decimal CumulativeRealizedPnl,
    decimal DailyCapitalFlow, decimal CumulativeCapitalFlow, decimal LongValue, decimal ShortValue, decimal GrossExposure,
    decimal NetExposure, int NumPositions, int NumLongPositions, int NumShortPositions, int StalePriceCount, Guid RunId);

/// <summary>GET /api/portfolios/{id}/snapshots.</summary>
public sealed record SnapshotsView(Guid PortfolioId, string Name, DateOnly? From, DateOnly? To, IReadOnlyList<SnapshotView> Snapshots);

/// <summary>An operator-added exchange closure.</summary>
public sealed record ClosureView(DateOnly Date, string Reason);
