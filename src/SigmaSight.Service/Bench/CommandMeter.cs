using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire.Server;

namespace SigmaSight.Service.Bench;

/// <summary>
/// Counts the database commands each Hangfire job runs: a server filter opens a per-job tally in an
/// <see cref="AsyncLocal{T}"/> around the job's method, and a listener on Npgsql's <see cref="ActivitySource"/> adds every
/// command run under it (the job's own queries and the Hangfire storage calls it makes, e.g. enqueueing a
/// continuation; the worker's fetch and state change outside the method are not counted).
/// </summary>
public sealed class CommandMeter : IServerFilter, IDisposable
{
    private static readonly AsyncLocal<JobTally?> Current = new();
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<(string Kind, int Commands, int StorageCommands, int Items)> finished = new();

    public CommandMeter()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            // Only commands under a job become activities, so the rest of the process pays nothing.
            Sample = (ref _) => Current.Value is null ? ActivitySamplingResult.None : ActivitySamplingResult.AllData,
            // Stopped, not started: Npgsql tags the command text after the activity starts.
            ActivityStopped = activity => Current.Value?.Add(activity),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Current.Value = new JobTally(context.BackgroundJob.Job?.Type.Name ?? "unknown");
    }

    public void OnPerformed(PerformedContext context)
    {
        if (Current.Value is { } tally) finished.Enqueue((tally.Kind, tally.Commands, tally.StorageCommands, tally.Items));
        Current.Value = null;
    }

    /// <summary>
    /// Per job kind: jobs, mean and max commands per job (and of them, Hangfire storage commands), and per ledger item
    /// the job began (a P&amp;L job computes a slice of days, one item each): the job's commands over its items, at most.
    /// </summary>
    public IReadOnlyList<CommandCounts> Snapshot() =>
    [
        .. finished.ToArray().GroupBy(f => f.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CommandCounts(g.Key, g.Count(), g.Average(f => f.Commands), g.Max(f => f.Commands),
                g.Average(f => f.StorageCommands), g.Max(f => f.StorageCommands), g.Sum(f => f.Items),
                g.Max(f => (int)Math.Ceiling(f.Commands / (double)Math.Max(1, f.Items))))),
    ];

    /// <summary>Forgets the jobs counted so far (between the bench's stages).</summary>
    public void Reset() => finished.Clear();

    public void Dispose() => listener.Dispose();

    private sealed class JobTally(string kind)
    {
        private int commands;
        private int storage;
        private int items;

        public string Kind { get; } = kind;
        public int Commands => Volatile.Read(ref commands);
        public int StorageCommands => Volatile.Read(ref storage);
        public int Items => Volatile.Read(ref items);

        public void Add(Activity activity)
        {
            Interlocked.Increment(ref commands);
            var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
            if (text is string sql && sql.Contains("hangfire\".", StringComparison.Ordinal) | sql.Contains("hangfire.", StringComparison.Ordinal))
                Interlocked.Increment(ref storage);
            // BatchLedger.BeginItemAsync: one per ledger item the job takes on.
            if (text is string begin && begin.Contains("attempts = attempts + 1", StringComparison.Ordinal)) Interlocked.Increment(ref items);
        }
    }
}

/// <summary>
/// Database commands per job of one kind: mean and max, in total and of them Hangfire storage commands; the ledger items
/// the jobs began and the most commands per item of any job.
/// </summary>
public sealed record CommandCounts(string JobKind, int Jobs, double Mean, int Max, double StorageMean, int StorageMax, int Items, int MaxPerItem);
