using System.Globalization;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>What one portfolio import changed, per portfolio in name order, with totals.</summary>
public sealed record ImportSummary(IReadOnlyList<PortfolioImportResult> Portfolios)
{
    public int PortfoliosCreated => Portfolios.Count(p => p.Status == PortfolioImportResult.Created);
    public int PortfoliosUpdated => Portfolios.Count(p => p.Status == PortfolioImportResult.Updated);
    public int PortfoliosUnchanged => Portfolios.Count(p => p.Status == PortfolioImportResult.Unchanged);
    public int LotsAdded => Portfolios.Sum(p => p.LotsAdded);
    public int LotsChanged => Portfolios.Sum(p => p.LotsChanged);
    public int LotsClosed => Portfolios.Sum(p => p.LotsClosed);
    public int LotsUnchanged => Portfolios.Sum(p => p.LotsUnchanged);
    public int FlowsAdded => Portfolios.Sum(p => p.FlowsAdded);
    public int FlowsChanged => Portfolios.Sum(p => p.FlowsChanged);
    public int FlowsUnchanged => Portfolios.Sum(p => p.FlowsUnchanged);

    /// <summary>True when the import wrote nothing (every row was already stored as it is).</summary>
    public bool NothingChanged => Portfolios.All(p => p.Status == PortfolioImportResult.Unchanged);

    /// <summary>The summary as the CLI prints it: totals, one row per portfolio, then the recomputes scheduled.</summary>
    public IEnumerable<string> Lines()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"import-portfolios: portfolios {PortfoliosCreated} created, {PortfoliosUpdated} updated, " +
            $"{PortfoliosUnchanged} unchanged; lots {LotsAdded} added, {LotsChanged} changed, {LotsClosed} closed, " +
            $"{LotsUnchanged} unchanged; flows {FlowsAdded} added, {FlowsChanged} changed, {FlowsUnchanged} unchanged");
        var width = Math.Max(9, Portfolios.Select(p => p.Portfolio.Length).DefaultIfEmpty(0).Max());
        yield return string.Create(c, $"  {"portfolio".PadRight(width)}  {"status",-9}  {"inception",-10}  lots +/~/closed/=  flows +/~/=  recompute from");
        foreach (var p in Portfolios)
        {
            yield return string.Create(c, $"  {p.Portfolio.PadRight(width)}  {p.Status,-9}  {p.Inception:yyyy-MM-dd}  " +
                $"{$"{p.LotsAdded}/{p.LotsChanged}/{p.LotsClosed}/{p.LotsUnchanged}",-17}  " +
                $"{$"{p.FlowsAdded}/{p.FlowsChanged}/{p.FlowsUnchanged}",-11}  {p.RecomputeFrom?.ToString("yyyy-MM-dd", c) ?? "-"}");
        }
        var scheduled = Portfolios.Where(p => p.RecomputeFrom is not null).ToList();
        yield return scheduled.Count == 0
            ? NothingChanged ? "nothing changed: every row is stored as it is" : "no recompute needed: no stored snapshot is affected"
            : string.Join("; ", scheduled.Select(p => string.Create(c,
                $"recompute scheduled: {p.Portfolio} from {p.RecomputeFrom:yyyy-MM-dd}"))) + " (the next run rebuilds the snapshots from there)";
    }
}

/// <summary>
/// One portfolio's outcome: <see cref="Status"/> created, updated or unchanged; lots added, changed (exit, class or
/// underlying edited), closed (an exit set on an open lot) and unchanged; flows added, changed (amount) and unchanged;
/// <see cref="RecomputeFrom"/> when stored snapshots are affected and the next run rebuilds from that date.
/// </summary>
public sealed record PortfolioImportResult(
    string Portfolio, string Status, DateOnly Inception, int LotsAdded, int LotsChanged, int LotsClosed, int LotsUnchanged,
    int FlowsAdded, int FlowsChanged, int FlowsUnchanged, DateOnly? RecomputeFrom)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
}
