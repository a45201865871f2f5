using System.ComponentModel.DataAnnotations;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Hosting;

/// <summary>
/// How long a finished run keeps its ledger detail (items, phases, findings) and replaced snapshots stay in the
/// archive. The run's own row (status, dates, timings, summary) is kept for good: it is the provenance of every figure.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>False registers no <c>retention</c> recurring job (the <c>prune</c> verb still works).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest retention, in days (about ten years); the <c>prune</c> verb's <c>--keep-days</c> has the same bound.</summary>
    public const int MaxKeepDays = 3650;

    /// <summary>Runs finished more than this many days ago lose their detail; snapshots archived as long ago are deleted.</summary>
    [Range(7, MaxKeepDays)]
    public int KeepDays { get; set; } = 90;

    /// <summary>Cron of the <c>retention</c> recurring job, in the schedule's time zone: 05:15 every day.</summary>
    public string Cron { get; set; } = "15 5 * * *";

    public static IEnumerable<string> Rules(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (SettingRules.Cron($"{SectionName}:{nameof(Cron)}", options.Cron) is { } problem) yield return problem;
    }
}
