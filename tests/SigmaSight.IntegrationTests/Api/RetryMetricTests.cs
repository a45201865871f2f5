using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Observability;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// The retry counter on a real Hangfire server and PostgreSQL: a job that fails its first attempt and succeeds its
/// second counts one retry (Processing → Scheduled, or Enqueued for a delay of 0, by the automatic retry), one failed and
/// one succeeded performance,
/// while a job that succeeds at once counts none. The counter needs no storage query per job.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RetryMetricTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public async Task AJobThatFailsOnceThenSucceeds_CountsOneRetry_AndAJobThatSucceedsAtOnceNone(string retryDelaySeconds)
    {
        var measured = new ConcurrentQueue<(string Instrument, string? Job, string? Outcome, long Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BatchTelemetry.Name) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? job = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "job") job = tag.Value as string;
                if (tag.Key == "outcome") outcome = tag.Value as string;
            }
            if (job == nameof(FlakyJob)) measured.Enqueue((instrument.Name, job, outcome, value));
        });
        listener.Start();
        // A delay of 0 sends the failed attempt to Enqueued, a delay of 1 s to Scheduled.
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Batch:RetryDelaysSeconds:0"] = retryDelaySeconds });
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var key = Guid.NewGuid().ToString("N");

        var flaky = jobs.Enqueue(JobQueues.Portfolio, () => FlakyJob.Run(key, 1));
        var steady = jobs.Enqueue(JobQueues.Portfolio, () => FlakyJob.Run(key + "-steady", 0));
        await WaitSucceededAsync(flaky, steady);

        FlakyJob.Attempts(key).Should().Be(2);
        FlakyJob.Attempts(key + "-steady").Should().Be(1);
        measured.Where(m => m.Instrument == "sigmasight.job.retries").Sum(m => m.Value).Should().Be(1, "one attempt was retried");
        measured.Where(m => m.Instrument == "sigmasight.jobs").Select(m => m.Outcome).Should()
            .BeEquivalentTo(["failed", "succeeded", "succeeded"]);
        (await TestDatabase.ScalarAsync<string>($"SELECT value FROM hangfire.jobparameter WHERE jobid = {flaky} AND name = 'RetryCount'"))
            .Should().Be("1", "Hangfire's own count agrees");
    }

    private static async Task WaitSucceededAsync(params string[] ids)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await TestDatabase.ScalarAsync<long>(
                   $"SELECT count(*) FROM hangfire.job WHERE id IN ({string.Join(',', ids)}) AND statename = 'Succeeded'") < ids.Length)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "both jobs succeed within a minute");
            await Task.Delay(100);
        }
    }
}

/// <summary>A job that throws on its first <c>failures</c> attempts of each key, then succeeds.</summary>
public static class FlakyJob
{
    private static readonly ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);

    public static int Attempts(string key) => Counts.GetValueOrDefault(key);

    public static void Run(string key, int failures)
    {
        var attempt = Counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (attempt <= failures) throw new InvalidOperationException($"attempt {attempt} of {key} fails on purpose");
    }
}
