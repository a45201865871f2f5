using System.ComponentModel.DataAnnotations;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Hosting;

/// <summary>The Hangfire servers of one host and the storage timings.</summary>
public sealed class HangfireHostOptions
{
    public const string SectionName = "Hangfire";

    /// <summary>
    /// Workers of the server that runs the work queues: 4 per core, at least 8 and at most 20. A batch job waits on about
    /// ten database round trips (Hangfire's and its own), so two workers a core leave the cores idle between them
    /// (issue 10, session 15: 1,000 × 30 phases 3+4 at 75 jobs/s with 4 workers on 2 cores, 86 with 6, 95 with 8);
    /// the cap keeps a large host's connections (about two per worker) well inside PostgreSQL's default 100.
    /// </summary>
    [Range(1, 200)]
    public int WorkerCount { get; set; } = DefaultWorkerCount(Environment.ProcessorCount);

    /// <summary>The default <see cref="WorkerCount"/> for a host with <paramref name="cores"/> cores.</summary>
    public static int DefaultWorkerCount(int cores) => Math.Clamp(cores * 4, 8, 20);

    /// <summary>Workers of the small server every host runs for <c>a-coord</c>.</summary>
    [Range(1, 20)]
    public int CoordinationWorkerCount { get; set; } = 2;

    /// <summary>The work queues this host serves (a subset lets an operator dedicate hosts to phases); null = all.</summary>
    public string[]? Queues { get; set; }

    /// <summary>The configured work queues, or all of them.</summary>
    public IReadOnlyList<string> EffectiveQueues => Queues ?? JobQueues.Work;

    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long Succeeded and Deleted jobs stay in Hangfire's storage: longer than the longest run plus a margin, so
    /// a continuation created days later never meets an expired parent (Hangfire's default is 1 day).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "2.00:00:00", "365.00:00:00")]
    public TimeSpan JobExpirationTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>False in processes that only enqueue (tests' clients, the status verb).</summary>
    public bool RunServers { get; set; } = true;

    /// <summary>Every configured queue is a work queue; every interval is positive.</summary>
    public static IEnumerable<string> Rules(HangfireHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var queue in options.Queues ?? [])
            if (!JobQueues.Work.Contains(queue))
                yield return $"{SectionName}:{nameof(Queues)} '{queue}' is not a work queue: give any of {string.Join(", ", JobQueues.Work)}";
        string?[] intervals =
        [
            SettingRules.Positive($"{SectionName}:{nameof(QueuePollInterval)}", options.QueuePollInterval),
            SettingRules.Positive($"{SectionName}:{nameof(InvisibilityTimeout)}", options.InvisibilityTimeout),
            SettingRules.Positive($"{SectionName}:{nameof(DistributedLockTimeout)}", options.DistributedLockTimeout),
            SettingRules.Positive($"{SectionName}:{nameof(SchedulePollingInterval)}", options.SchedulePollingInterval),
        ];
        foreach (var problem in intervals.OfType<string>()) yield return problem;
    }
}
