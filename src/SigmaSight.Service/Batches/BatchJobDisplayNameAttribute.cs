using System.Collections.Concurrent;
using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>Dashboard names that say what and for whom: "P&amp;L · Demo Hedge Fund Style · 2026-11-27".</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BatchJobDisplayNameAttribute() : JobDisplayNameAttribute("{0}")
{
    private static readonly ConcurrentDictionary<Guid, string> PortfolioNames = new();

    public override string Format(DashboardContext context, Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var args = job.Args;
        return job.Type.Name switch
        {
            "CalculatePnlJob" when args.Count == 5 => $"P&L · {PortfolioName(context, (Guid)args[1])} · {Date(args[2])}..{Date(args[3])}",
            "CalculatePnlJob" => $"P&L · {PortfolioName(context, (Guid)args[1])} · {Date(args[2])}",
            "PortfolioRiskJob" => $"Risk · {PortfolioName(context, (Guid)args[1])} · {Date(args[2])}",
            "SymbolAnalyticsJob" => $"Symbol analytics · chunk {args[1]} · run {Short(args[0])}",
            "LoadMarketDataJob" => $"Market data · chunk {args[1]} · run {Short(args[0])}",
            "StartPhaseJob" => $"Start {BatchPhases.Name((int)args[1])} · run {Short(args[0])}",
            "VerifyRunJob" => $"Verify · run {Short(args[0])}",
            "NightlyBatchJob" => "Nightly batch",
            "ReconcileJob" => "Reconciler",
            "RetentionJob" => "Retention",
            _ => job.ToString(),
        };
    }

    /// <summary>The run as the Runs page shows it (its last 12 characters, random bits): a v7 id's first ones are its time.</summary>
    private static string Short(object? runId) => runId is Guid id ? RunReferences.Shown(id) : "?";

    private static string Date(object? value) =>
        value is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?";

    private static string PortfolioName(DashboardContext? context, Guid id)
    {
        if (PortfolioNames.TryGetValue(id, out var cached)) return cached;
        var services = context?.GetHttpContext()?.RequestServices;
        var db = services?.GetService(typeof(SigmaSightDbContext)) as SigmaSightDbContext;
        var name = db?.Portfolios.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefault();
        if (name is null) return id.ToString("N")[..8];
        PortfolioNames[id] = name;
        return name;
    }
}
