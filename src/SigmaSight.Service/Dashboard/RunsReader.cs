using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Dashboard;

/// <summary>One page of runs, newest first, with the names of the portfolios their scopes name.</summary>
internal sealed record RunListView(int Total, IReadOnlyList<BatchRun> Runs, IReadOnlyDictionary<Guid, string> PortfolioNames);

/// <summary>One run with its phases, its item counts per (phase, status) and its first items, unsuccessful first.</summary>
internal sealed record RunView(
    BatchRun Run,
    IReadOnlyList<BatchPhase> Phases,
    IReadOnlyDictionary<(int Phase, ItemStatus Status), int> Counts,
    IReadOnlyList<BatchItem> Items,
    IReadOnlyList<Guid> Supersedes,
    IReadOnlyDictionary<Guid, string> PortfolioNames,
    IReadOnlyList<DataQualityFinding> Findings,
    int Page = 1)
{
    public int ItemCount => Counts.Values.Sum();

    /// <summary>Pages of <see cref="RunsReader.ItemCap"/> items (at least 1).</summary>
    public int PageCount => Math.Max(1, (ItemCount + RunsReader.ItemCap - 1) / RunsReader.ItemCap);
}

/// <summary>
/// Read-only ledger queries behind the Runs pages. Synchronous because Hangfire renders pages synchronously; a fixed
/// number of queries per page whatever the size of the run.
/// </summary>
internal sealed class RunsReader(SigmaSightDbContext db)
{
    public const int ItemCap = 300;

    public const int FindingCap = 200;

    public RunListView ListRuns(int from, int count)
    {
        var total = db.BatchRuns.Count();
        var runs = db.BatchRuns.AsNoTracking()
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(from).Take(count).ToList();
        return new RunListView(total, runs, PortfolioNames(runs.Select(r => RunScope.PortfolioOf(r.Scope))));
    }

    /// <summary>The run with the items of <paramref name="page"/> (1-based, <see cref="ItemCap"/> per page).</summary>
    public RunView? FindRun(Guid id, int page = 1)
    {
        var run = db.BatchRuns.AsNoTracking().SingleOrDefault(r => r.Id == id);
        if (run is null) return null;
        var phases = db.BatchPhases.AsNoTracking().Where(p => p.RunId == id).OrderBy(p => p.Phase).ToList();
        var counts = db.BatchItems.Where(i => i.RunId == id)
            .GroupBy(i => new { i.Phase, i.Status })
            .Select(g => new { g.Key.Phase, g.Key.Status, Count = g.Count() })
            .ToList()
            .ToDictionary(c => (c.Phase, c.Status), c => c.Count);
        var items = db.BatchItems.AsNoTracking().Where(i => i.RunId == id)
            .OrderBy(i => i.Status == ItemStatus.Failed ? 0
                : i.Status == ItemStatus.Blocked ? 1
                : i.Status == ItemStatus.Running ? 2
                : i.Status == ItemStatus.Pending ? 3 : 4)
            .ThenBy(i => i.Phase).ThenBy(i => i.ItemDate).ThenBy(i => i.ItemKey)
            .Skip((Math.Max(1, page) - 1) * ItemCap).Take(ItemCap).ToList();
        var supersedes = db.BatchRuns.Where(r => r.SupersededBy == id).OrderBy(r => r.CreatedAt).Select(r => r.Id).ToList();
        var names = PortfolioNames(items.Select(i => i.PortfolioId).Append(RunScope.PortfolioOf(run.Scope)));
        // The most severe data-quality findings first.
        var findings = db.DataQualityFindings.AsNoTracking().Where(f => f.RunId == id)
            .OrderBy(f => f.Severity == "error" ? 0 : f.Severity == "critical" ? 1 : f.Severity == "warning" ? 2 : 3).ThenBy(f => f.BusinessDate).ThenBy(f => f.Kind).ThenBy(f => f.Symbol)
            .Take(FindingCap).ToList();
        return new RunView(run, phases, counts, items, supersedes, names, findings, Math.Max(1, page));
    }

    private Dictionary<Guid, string> PortfolioNames(IEnumerable<Guid?> ids)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return db.Portfolios.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionary(p => p.Id, p => p.Name);
    }
}
