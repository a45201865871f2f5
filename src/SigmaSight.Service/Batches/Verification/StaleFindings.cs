using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// Turns every stale price used by the run's snapshots into a finding of the run (replacing earlier ones): a warning
/// when the close is one trading day old, critical from two (<see cref="RunFindings.StaleSeverity"/>).
/// </summary>
public static class StaleFindings
{
    public static async Task<List<DataQualityFinding>> RecordAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyList<BatchItem> snapshots, NyseCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(snapshots);
        await db.DataQualityFindings.Where(f => f.RunId == run.Id && f.Kind == "stale")
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (snapshots.Count == 0) return [];
        var portfolioIds = snapshots.Select(i => i.PortfolioId!.Value).Distinct().ToList();
        var keys = snapshots.Select(i => (i.PortfolioId!.Value, i.ItemDate!.Value)).ToHashSet();
        var (min, max) = (snapshots.Min(i => i.ItemDate!.Value), snapshots.Max(i => i.ItemDate!.Value));
        var stale = await (from v in db.PositionValues.AsNoTracking()
                           join p in db.Positions on v.PositionId equals p.Id
                           where portfolioIds.Contains(v.PortfolioId) && v.ValueDate >= min && v.ValueDate <= max
                                 && v.PriceDate < v.ValueDate && p.InvestmentClass != LotCodes.Private
                           select new { v.PortfolioId, v.ValueDate, v.PriceDate, Symbol = p.InvestmentClass == LotCodes.Options ? p.UnderlyingSymbol ?? p.Symbol : p.Symbol })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var findings = stale.Where(s => keys.Contains((s.PortfolioId, s.ValueDate)))
            .GroupBy(s => (s.Symbol, s.ValueDate, s.PriceDate))
            .Select(g => new DataQualityFinding
            {
                RunId = run.Id, BusinessDate = g.Key.ValueDate, Symbol = g.Key.Symbol, PortfolioId = g.First().PortfolioId,
                Kind = "stale", Severity = RunFindings.StaleSeverity(calendar, g.Key.PriceDate, g.Key.ValueDate), CreatedAt = now,
                Detail = $"{g.Key.Symbol} on {g.Key.ValueDate:yyyy-MM-dd} valued at its close of {g.Key.PriceDate:yyyy-MM-dd}",
            }).ToList();
        await FindingWriter.AddAsync(db, findings, cancellationToken).ConfigureAwait(false);
        return findings;
    }
}
