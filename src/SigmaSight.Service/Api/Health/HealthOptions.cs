using System.ComponentModel.DataAnnotations;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Api.Health;

/// <summary>Thresholds of /health/ready (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>A Hangfire server counts as alive when its heartbeat is at most this old (wall clock).</summary>
    public TimeSpan HeartbeatMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the database probe (connect + SELECT 1) may take.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Trading days the last Completed nightly run may lag behind the expected business date before the check is
    /// Degraded. 1 tolerates tonight's run still being in progress.
    /// </summary>
    [Range(0, 30)]
    public int NightlyMaxLagTradingDays { get; set; } = 1;

    public static IEnumerable<string> Rules(HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems =
        [
            SettingRules.Positive($"{SectionName}:{nameof(HeartbeatMaxAge)}", options.HeartbeatMaxAge),
            SettingRules.Positive($"{SectionName}:{nameof(DatabaseTimeout)}", options.DatabaseTimeout),
        ];
        return problems.OfType<string>();
    }
}
