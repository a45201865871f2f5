using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Npgsql;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Bench;

/// <summary>
/// The raw Hangfire ceiling of this process: a burst of no-op jobs enqueued by <see cref="Enqueuers"/> concurrent clients
/// on the portfolio queue, run by the same servers, storage and workers as the batch; jobs/s from the first enqueue to
/// the last job's Succeeded state.
/// </summary>
public static class HangfireCeiling
{
    /// <summary>Concurrent clients that enqueue the burst.</summary>
    public const int Enqueuers = 4;

    /// <summary>Bursts a bench runs unless told otherwise (<c>--ceiling-bursts</c>); the share is taken of their median.</summary>
    public const int DefaultBursts = 3;

    /// <summary>The job: does nothing, so what is measured is Hangfire's own cost per job.</summary>
    public static void NoOp(int index) => GC.KeepAlive(index);

    /// <summary>
    /// <paramref name="bursts"/> bursts back to back, each announced and reported on <paramref name="progress"/>. One burst
    /// swings widely on two cores (87–204 jobs/s in session 15's runs of one build, while the batch's own rate moved a few
    /// per cent), so the bench compares against the median of several.
    /// </summary>
    public static async Task<IReadOnlyList<CeilingResult>> MeasureBurstsAsync(IBackgroundJobClient jobs, string connectionString,
        int count, int bursts, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var results = new List<CeilingResult>(bursts);
        for (var burst = 1; burst <= bursts; burst++)
        {
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench: Hangfire ceiling, {count} no-op jobs (burst {burst} of {bursts})")).ConfigureAwait(false);
            var result = await MeasureAsync(jobs, connectionString, count, progress, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bench: ceiling {result.JobsPerSecond:F1} jobs/s"))
                .ConfigureAwait(false);
            results.Add(result);
        }
        return results;
    }

    /// <summary>The burst with the median jobs/s (the lower middle one of an even count).</summary>
    public static CeilingResult Median(IReadOnlyList<CeilingResult> bursts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bursts?.Count ?? 0, nameof(bursts));
        var ordered = bursts!.OrderBy(b => b.JobsPerSecond).ToList();
        return ordered[(ordered.Count - 1) / 2];
    }

    public static async Task<CeilingResult> MeasureAsync(IBackgroundJobClient jobs, string connectionString, int count,
        TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        var ids = new long[count];
        var next = -1;
        // Several enqueuers, so the burst measures what the workers and the storage can run, not one client's round trips.
        // On threads of their own, as a starter's clients are (BlockingClients).
        await Task.WhenAll(BlockingClients.Start(Enqueuers, () =>
        {
            int i;
            while (!cancellationToken.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
            {
                var index = i;
                ids[i] = long.Parse(jobs.Enqueue(JobQueues.Portfolio, () => NoOp(index)), CultureInfo.InvariantCulture);
            }
        })).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var enqueued = clock.Elapsed;
        var (first, last) = (ids.Min(), ids.Max());
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var done = await SucceededAsync(connectionString, first, last, cancellationToken).ConfigureAwait(false);
            if (done >= count) break;
            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(3))
            {
                lastReport = clock.Elapsed;
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  [{clock.Elapsed.TotalSeconds,6:F1}s] ceiling: {done}/{count} no-op jobs succeeded")).ConfigureAwait(false);
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        var total = clock.Elapsed;
        return new CeilingResult(count, enqueued.TotalSeconds, total.TotalSeconds, count / total.TotalSeconds);
    }

    private static async Task<long> SucceededAsync(string connectionString, long first, long last, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.job WHERE id BETWEEN @first AND @last AND statename = 'Succeeded'", connection);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("last", last);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}

/// <summary>The no-op burst: jobs, seconds to enqueue them, seconds until the last succeeded, and jobs per second.</summary>
public sealed record CeilingResult(int Jobs, double EnqueueSeconds, double WallSeconds, double JobsPerSecond);
