using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Pnl;

/// <summary>The ledger items one <see cref="CalculatePnlJob.RunDaysAsync"/> job covers: a portfolio's days from..to of a run.</summary>
internal sealed record PnlSlice(Guid RunId, Guid PortfolioId, DateOnly From, DateOnly To)
{
    public static PnlSlice? Of(Job job) =>
        job.Type == typeof(CalculatePnlJob) && job.Method.Name == nameof(CalculatePnlJob.RunDaysAsync)
            ? new PnlSlice((Guid)job.Args[0], (Guid)job.Args[1], (DateOnly)job.Args[2], (DateOnly)job.Args[3])
            : null;

    /// <summary>Links the slice's items to its job, where the planner has not recorded it yet.</summary>
    public async Task LinkAsync(IServiceScopeFactory scopes, string jobId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Items(scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>()).Where(i => i.HangfireJobId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.HangfireJobId, jobId)).ConfigureAwait(false);
    }

    /// <summary>The earliest item of the slice that has not succeeded: where the job stopped.</summary>
    public async Task<LedgerItemRef?> FirstOpenItemAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var date = await Items(scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>())
            .Where(i => i.Status != ItemStatus.Succeeded).OrderBy(i => i.ItemDate).Select(i => i.ItemDate)
            .FirstOrDefaultAsync().ConfigureAwait(false);
        return date is { } d ? LedgerItemRef.Pnl(RunId, PortfolioId, d) : null;
    }

    private IQueryable<BatchItem> Items(SigmaSightDbContext db) =>
        db.BatchItems.Where(i => i.RunId == RunId && i.Phase == BatchPhases.Pnl && i.PortfolioId == PortfolioId
            && i.ItemDate >= From && i.ItemDate <= To);
}
