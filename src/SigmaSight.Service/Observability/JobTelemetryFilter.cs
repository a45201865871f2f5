using System.Diagnostics;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Observability;

/// <summary>
/// Wraps every job this host performs in a span named after it, tagged with its run, phase, portfolio and date
/// (from its arguments) and its Hangfire id, opens a logging scope with the same fields, and counts it by outcome. A
/// retry is counted when Hangfire's automatic retry sends a failed attempt from Processing back to Scheduled (or
/// Enqueued), so a job costs no storage round trip for its retry count (issue 10: <c>GetJobParameter("RetryCount")</c>
/// was one query a job, since Hangfire.PostgreSql fetches no parameters with the job).
/// </summary>
public sealed class JobTelemetryFilter(BatchTelemetry telemetry, ILogger<JobTelemetryFilter> logger)
    : JobFilterAttribute, IServerFilter, IApplyStateFilter
{
    private const string StateKey = "sigmasight.telemetry";

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        var fields = Fields(job);
        fields["JobId"] = context.BackgroundJob.Id;
        var activity = BatchTelemetry.Source.StartActivity(job.Type.Name);
        if (activity is not null)
        {
            foreach (var (key, value) in fields) activity.SetTag("sigmasight." + Snake(key), value);
        }
        var scope = logger.BeginScope(fields);
        context.Items[StateKey] = new State(activity, scope, Stopwatch.GetTimestamp());
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryGetValue(StateKey, out var value) || value is not State state) return;
        var succeeded = context.Exception is null || context.ExceptionHandled;
        if (!succeeded) state.Activity?.SetStatus(ActivityStatusCode.Error, context.Exception!.GetBaseException().Message);
        state.Activity?.Dispose();
        state.Scope?.Dispose();
        telemetry.JobPerformed(TagsOf(context.BackgroundJob.Job), succeeded, Stopwatch.GetElapsedTime(state.Started));
    }

    /// <summary>
    /// The automatic retry's move: Processing → Scheduled (Enqueued for a retry delay of 0) with its reason
    /// "Retry attempt N of M: …"; an operator's requeue of a processing job gives another reason and is not counted.
    /// </summary>
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OldStateName == ProcessingState.StateName && context.NewState is ScheduledState or EnqueuedState
            && context.NewState.Reason?.StartsWith(RetryReason, StringComparison.Ordinal) == true && context.BackgroundJob?.Job is { } job)
            telemetry.RetryScheduled(TagsOf(job));
    }

    /// <summary>How Hangfire's <c>AutomaticRetryAttribute</c> begins the reason of the state it sends a failed attempt to.</summary>
    private const string RetryReason = "Retry attempt ";

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    /// <summary>The job's class and phase: <c>StartPhaseJob</c> carries its phase as an argument.</summary>
    public static JobTags TagsOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var phase = job.Type.Name switch
        {
            nameof(LoadMarketDataJob) => BatchPhases.Name(BatchPhases.MarketData),
            nameof(SymbolAnalyticsJob) => BatchPhases.Name(BatchPhases.SymbolAnalytics),
            nameof(CalculatePnlJob) => BatchPhases.Name(BatchPhases.Pnl),
            nameof(PortfolioRiskJob) => BatchPhases.Name(BatchPhases.PortfolioRisk),
            nameof(VerifyRunJob) => BatchPhases.Name(BatchPhases.Verify),
            nameof(StartPhaseJob) when Fields(job).TryGetValue("Phase", out var p) && p is int n => BatchPhases.Name(n),
            _ => "none",
        };
        return new JobTags(new("job", job.Type.Name), new("phase", phase));
    }

    /// <summary>The run, portfolio, date, chunk and phase among the job's arguments, by their parameter names.</summary>
    private static Dictionary<string, object?> Fields(Job job)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Job"] = job.Type.Name };
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length && i < job.Args.Count; i++)
        {
            var name = parameters[i].Name;
            if (name is "runId" or "portfolioId" or "date" or "chunk" or "phase")
                fields[char.ToUpperInvariant(name[0]) + name[1..]] = job.Args[i] is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : job.Args[i];
        }
        return fields;
    }

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private sealed record State(Activity? Activity, IDisposable? Scope, long Started);
}
