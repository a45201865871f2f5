using System.Diagnostics;
using System.Diagnostics.Metrics;
using SigmaSight.Service.Batches;

namespace SigmaSight.Service.Observability;

/// <summary>
/// The service's traces and metrics: a span per Hangfire job (<see cref="JobTelemetryFilter"/>) and this host's job
/// and run instruments, on the meter and activity source named <see cref="Name"/>. The ledger's own view of the
/// latest runs (shared by every host) is <see cref="LedgerGauges"/>.
/// </summary>
public sealed class BatchTelemetry
{
    public const string Name = "SigmaSight.Batch";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;

    public BatchTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name);
        _jobs = Meter.CreateCounter<long>("sigmasight.jobs", "{job}", "Hangfire jobs this host performed, by job, phase and outcome");
        _jobDuration = Meter.CreateHistogram<double>("sigmasight.job.duration", "s", "Wall time of a job this host performed");
        _retries = Meter.CreateCounter<long>("sigmasight.job.retries", "{attempt}", "Retries this host scheduled: a failed attempt sent back to Scheduled (or Enqueued) by the automatic retry");
        _runs = Meter.CreateCounter<long>("sigmasight.runs", "{run}", "Runs this host verified (or failed), by kind and status");
        _runDuration = Meter.CreateHistogram<double>("sigmasight.run.duration", "s", "Start-to-verdict time of a run, by kind and status");
    }

    public Meter Meter { get; }

    public void JobPerformed(JobTags tags, bool succeeded, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var outcome = new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed");
        _jobs.Add(1, tags.Job, tags.Phase, outcome);
        _jobDuration.Record(duration.TotalSeconds, tags.Job, tags.Phase, outcome);
    }

    public void RetryScheduled(JobTags tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _retries.Add(1, tags.Job, tags.Phase);
    }

    public void RunFinished(BatchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kind = new KeyValuePair<string, object?>("kind", run.Kind.ToString());
        var status = new KeyValuePair<string, object?>("status", run.Status.ToString());
        _runs.Add(1, kind, status);
        if (run is { StartedAt: { } started, FinishedAt: { } finished })
            _runDuration.Record((finished - started).TotalSeconds, kind, status);
    }
}

/// <summary>A job's metric tags: its class and its phase (a starter or the scheduler has none of its own).</summary>
public sealed record JobTags(KeyValuePair<string, object?> Job, KeyValuePair<string, object?> Phase);
