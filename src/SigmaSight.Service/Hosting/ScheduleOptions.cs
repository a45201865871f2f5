using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Hosting;

/// <summary>The recurring jobs: the nightly batch and the reconciler.</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>False registers nothing (hosts that must not schedule, most tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// False leaves <c>nightly-batch</c> unscheduled (and removes it from the storage) while the reconciler still runs: a
    /// host whose runs are started by hand only, such as the bench's, whose measured night must be the only run.
    /// </summary>
    public bool Nightly { get; set; } = true;

    /// <summary>Cron of <c>nightly-batch</c> in <see cref="TimeZone"/>: 16:30 on weekdays (the NYSE cutoff).</summary>
    public string NightlyCron { get; set; } = "30 16 * * 1-5";

    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>Cron of the reconciler (UTC): every minute.</summary>
    public string ReconcilerCron { get; set; } = "* * * * *";

    /// <summary>A continuation still Awaiting this long after its parent Succeeded is enqueued by the reconciler.</summary>
    public TimeSpan StuckAwaitingAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the reconciler leaves a phase that just became due to the starter being enqueued for it, and a late
    /// success's verify request to the verify its job enqueued (issue 7, 1d and 1e).
    /// </summary>
    public TimeSpan RepairGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>What the annotations cannot say: both crons parse as Hangfire parses them, the time zone exists.</summary>
    public static IEnumerable<string> Rules(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems =
        [
            SettingRules.Cron($"{SectionName}:{nameof(NightlyCron)}", options.NightlyCron),
            SettingRules.Cron($"{SectionName}:{nameof(ReconcilerCron)}", options.ReconcilerCron),
            SettingRules.TimeZone($"{SectionName}:{nameof(TimeZone)}", options.TimeZone),
            SettingRules.NotNegative($"{SectionName}:{nameof(StuckAwaitingAfter)}", options.StuckAwaitingAfter),
            SettingRules.NotNegative($"{SectionName}:{nameof(RepairGrace)}", options.RepairGrace),
        ];
        return problems.OfType<string>();
    }
}
