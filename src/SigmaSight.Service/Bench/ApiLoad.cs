using System.Collections.Concurrent;
using System.Diagnostics;

namespace SigmaSight.Service.Bench;

/// <summary>
/// Read load on the HTTP API while a run works: <c>clients</c> concurrent loops issue <c>reads</c> GETs in total over
/// the read endpoints (runs list, run detail, portfolio snapshots and, when a previous run stored them, risk), each
/// timed; a non-2xx answer or an exception is an error and its first few are kept for the report.
/// </summary>
public static class ApiLoad
{
    public static async Task<ApiLoadResult> RunAsync(Uri baseAddress, IReadOnlyList<string> paths, int reads, int clients,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseAddress };
        var latencies = new double[reads];
        var next = -1;
        var errors = 0;
        var samples = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reads)
            {
                var path = paths[i % paths.Count];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead,
                        cancellationToken).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode) Fail($"GET {path}: {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    Fail($"GET {path}: {e.GetType().Name}: {e.Message}");
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(loops).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        return new ApiLoadResult(reads, clients, errors, [.. samples], Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95),
            Percentiles.Of(latencies, 99), latencies.Max(), reads / seconds, seconds);

        void Fail(string what)
        {
            if (Interlocked.Increment(ref errors) <= 5) samples.Enqueue(what);
        }
    }
}

/// <summary>What the read load saw: reads, clients, errors (with up to five examples), latency percentiles in ms, reads/s.</summary>
public sealed record ApiLoadResult(int Reads, int Clients, int Errors, IReadOnlyList<string> ErrorSamples, double P50Ms, double P95Ms,
    double P99Ms, double MaxMs, double ReadsPerSecond, double Seconds);
