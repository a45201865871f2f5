using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;
using SigmaSight.Service.Risk.Portfolios;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// Every active portfolio of the run's scope has an <c>analytic_results</c> row for every family on the run's
/// analytics date: a missing or failed family is a problem naming portfolio and family; insufficient history is a
/// stored reason, reported but not an error.
/// </summary>
public static class AnalyticsCheck
{
    public static async Task<(List<string> Problems, List<string> Notes)> CheckAsync(
        SigmaSightDbContext db, BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var date = AnalyticsDates.Of(run);
        var portfolios = await RunScope.Portfolios(db, run.Scope).Where(p => p.InceptionDate <= date)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = portfolios.Select(p => p.Id).ToList();
        var rows = (await db.AnalyticResults.AsNoTracking().Where(r => ids.Contains(r.PortfolioId) && r.AsOf == date)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (r.PortfolioId, r.Family));
        var (problems, notes) = (new List<string>(), new List<string>());
        foreach (var p in portfolios)
        {
            var missing = RiskFamilies.All.Where(f => !rows.ContainsKey((p.Id, f))).ToList();
            if (missing.Count > 0)
                problems.Add($"missing analytics: {p.Name} on {date:yyyy-MM-dd} has no {string.Join(", ", missing)}");
            foreach (var row in RiskFamilies.All.Select(f => rows.GetValueOrDefault((p.Id, f))).OfType<AnalyticResult>())
            {
                if (row.Status == AnalyticStatuses.Failed)
                    problems.Add($"failed analytics: {p.Name} {row.Family} on {date:yyyy-MM-dd}: {row.Reason}");
                else if (row.Status == AnalyticStatuses.InsufficientHistory)
                    notes.Add($"{p.Name} {row.Family}: {row.Reason}");
            }
        }
        return (problems, notes);
    }
}
