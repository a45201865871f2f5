using System.Globalization;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData.Import;

namespace SigmaSight.Service.MarketData;

/// <summary>A <c>revised</c> warning for each stored close a provider replaced with another value, naming both.</summary>
public static class RevisedCloseFindings
{
    public const string Kind = "revised";

    public static IEnumerable<DataQualityFinding> Of(BatchRun run, string source, IReadOnlyList<CloseChange> revised, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(revised);
        return revised.Select(c => new DataQualityFinding
        {
            RunId = run.Id, BusinessDate = c.Date, Symbol = c.Symbol, Kind = Kind, Severity = "warning", CreatedAt = now,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"the provider {source} revised the stored close of {c.Symbol} on {c.Date:yyyy-MM-dd}: {c.OldClose} -> {c.NewClose}; the portfolios whose snapshots used the old close are rebuilt from that day"),
        });
    }
}
