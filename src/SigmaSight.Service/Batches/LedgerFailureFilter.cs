using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Records permanent failures in the ledger: a job that reached Failed (retries exhausted or a non-transient
/// error) or was Deleted by an operator finishes its item as Failed and blocks what depends on it. A phase starter
/// or verify that fails marks the run Failed. The reconciler repairs what this filter misses.
/// </summary>
public sealed partial class LedgerFailureFilter(IServiceScopeFactory scopes, ILogger<LedgerFailureFilter> logger)
    : JobFilterAttribute, IApplyStateFilter, IServerFilter
{
    /// <summary>
    /// Links the ledger items of a slice to its Hangfire job before it runs (a job may start before its planner recorded
    /// it); a one-item job's item is linked by <see cref="BatchLedger.BeginItemAsync"/>, told the job here.
    /// </summary>
    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        if (PnlSlice.Of(job) is { } slice) slice.LinkAsync(scopes, context.BackgroundJob.Id).GetAwaiter().GetResult();
        else if (ItemOf(job) is { } reference) PerformingJob.Set(reference, context.BackgroundJob.Id);
    }

    public void OnPerformed(PerformedContext context) => PerformingJob.Clear();

    private async Task LinkAsync(LedgerItemRef reference, string jobId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>();
        await db.BatchItems.Where(i => i.RunId == reference.RunId && i.Phase == reference.Phase
                && i.ItemKey == reference.ItemKey && i.HangfireJobId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.HangfireJobId, jobId)).ConfigureAwait(false);
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Deleting a job that already succeeded undoes nothing: its work and its ledger item stand (issue 7, 1g).
        if (context.NewState is DeletedState && context.OldStateName == SucceededState.StateName) return;
        var reason = context.NewState switch
        {
            FailedState failed => $"{failed.Exception.GetType().Name}: {failed.Exception.Message}",
            DeletedState when ParentOf(context) is { } parent => $"deleted by Hangfire with its parent job {parent}",
            DeletedState => "deleted from Hangfire by an operator",
            _ => null,
        };
        var job = context.BackgroundJob?.Job;
        if (reason is null || job is null) return;
        // A job can fail before its planner recorded the job ids of its chain (deleted before it ran): link it first.
        if (PnlSlice.Of(job) is { } slice)
        {
            slice.LinkAsync(scopes, context.BackgroundJob!.Id).GetAwaiter().GetResult();
            // The slice stopped at its first day not written: that item failed, the rest of the chain is blocked by it.
            if (slice.FirstOpenItemAsync(scopes).GetAwaiter().GetResult() is { } open) RecordAsync(open, reason).GetAwaiter().GetResult();
            return;
        }
        if (ItemOf(job) is { } reference) LinkAsync(reference, context.BackgroundJob!.Id).GetAwaiter().GetResult();
        RecordAsync(job, reason).GetAwaiter().GetResult();
    }

    /// <summary>The parent of a continuation that leaves Awaiting for Deleted: Hangfire deletes it with its parent.</summary>
    private static string? ParentOf(ApplyStateContext context)
    {
        if (context.OldStateName != AwaitingState.StateName) return null;
        var awaiting = context.Connection.GetStateData(context.BackgroundJob.Id);
        return awaiting?.Data is { } data && data.TryGetValue("ParentId", out var parent) ? parent : null;
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    private async Task RecordAsync(Job job, string reason)
    {
        if (ItemOf(job) is { } item)
        {
            await RecordAsync(item, reason).ConfigureAwait(false);
            return;
        }
        if (job.Type == typeof(StartPhaseJob) || job.Type == typeof(VerifyRunJob))
        {
            await using var scope = scopes.CreateAsyncScope();
            await FailRunAsync(scope.ServiceProvider, (Guid)job.Args[0], $"{job.Type.Name} failed: {reason}").ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(LedgerItemRef reference, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SigmaSightDbContext>();
        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false))
        {
            outcome = await services.GetRequiredService<BatchLedger>()
                .FinishItemAsync(reference, ItemStatus.Failed, reason, CancellationToken.None).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        LogItemFailed(logger, reference.ToString(), reason);
        await services.GetRequiredService<PhaseAdvancer>().AfterCommitAsync(reference, outcome, CancellationToken.None)
            .ConfigureAwait(false);
    }

    private async Task FailRunAsync(IServiceProvider services, Guid runId, string reason)
    {
        var db = services.GetRequiredService<SigmaSightDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.BatchRuns.Where(r => r.Id == runId && r.Status == RunStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.Summary, reason)
            .SetProperty(r => r.FinishedAt, now)).ConfigureAwait(false);
        LogRunFailed(logger, runId, reason);
    }

    private static LedgerItemRef? ItemOf(Job job)
    {
        if (job.Type == typeof(CalculatePnlJob) && job.Method.Name == nameof(CalculatePnlJob.RunAsync))
            return LedgerItemRef.Pnl((Guid)job.Args[0], (Guid)job.Args[1], (DateOnly)job.Args[2]);
        if (job.Type == typeof(LoadMarketDataJob))
            return LedgerItemRef.MarketData((Guid)job.Args[0], (int)job.Args[1]);
        if (job.Type == typeof(Risk.SymbolAnalyticsJob))
            return LedgerItemRef.SymbolAnalytics((Guid)job.Args[0], (int)job.Args[1]);
        if (job.Type == typeof(Risk.PortfolioRiskJob))
            return LedgerItemRef.Risk((Guid)job.Args[0], (Guid)job.Args[1], (DateOnly)job.Args[2]);
        return null;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Ledger: {Item} failed permanently: {Reason}")]
    private static partial void LogItemFailed(ILogger logger, string item, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Run {RunId} failed: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, Guid runId, string reason);
}
