using System.Globalization;
using Hangfire.Server;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;

namespace SigmaSight.Service.Batches.Scheduling;

/// <summary>
/// The recurring <c>nightly-batch</c>: resolves the business date from the trigger instant (the occurrence's scheduled
/// time Hangfire records as the job parameter "Time", else the job's creation) — never from when it executes — and
/// starts or joins the nightly run for that date.
/// </summary>
public sealed partial class NightlyBatchJob(
    RunStarter starter, TradingCalendarProvider calendars, TimeProvider time, ILogger<NightlyBatchJob> logger)
{
    public const string RecurringJobId = "nightly-batch";

    [BatchJobDisplayName]
    public async Task RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        var instant = TriggerInstant(context) ?? time.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var date = BusinessDate.Resolve(instant, calendar);
        var handle = await starter.StartAsync(
            new RunRequest(RunKind.Nightly, date, date, RunScope.All, $"recurring:{RecurringJobId}", instant),
            cancellationToken).ConfigureAwait(false);
        LogTriggered(logger, instant, date, handle.RunId, handle.Joined);
    }

    /// <summary>The scheduled occurrence ("Time", Unix seconds) of a recurring trigger, else when the job was created.</summary>
    public static DateTimeOffset? TriggerInstant(PerformContext? context)
    {
        if (context is null) return null;
        var raw = context.GetJobParameter<string>("Time");
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return context.BackgroundJob?.CreatedAt is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null;
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information,
        Message = "nightly-batch triggered at {Instant:O}: business date {Date:yyyy-MM-dd}, run {RunId} (joined: {Joined})")]
    private static partial void LogTriggered(ILogger logger, DateTimeOffset instant, DateOnly date, Guid runId, bool joined);
}
