using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>
/// The symbol analytics and reference data of one run and day, shared by its portfolio-risk jobs in this process: read
/// once per (run, day) instead of once per portfolio (issue 10: a risk job read about 370 such rows, most of them the
/// same popular symbols and scenarios as the job before). One entry holds the day's whole universe, so a job never
/// reads twice. Keyed by the generation of the run's symbol analytics too (<see cref="PortfolioReads.Generation"/>,
/// read under the portfolio's lock by every job): a phase-2 item of the run that succeeds later, on any host, rewrites
/// its symbols' rows and changes the generation, so the risk items it reopens read them again. A later run never sees
/// an entry of an earlier one. Bounded (<see cref="MaxDays"/> entries, a few MB each at 2,000 symbols) and evicted
/// after <see cref="Idle"/> without use.
/// </summary>
public sealed class RiskReferenceCache : IDisposable
{
    public const int MaxDays = 8;
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxDays });
    private readonly Lock _gate = new();

    /// <summary>
    /// The day's symbol analytics and reference data for the run's generation; read with one batch on
    /// <paramref name="connection"/> (in the caller's transaction) when this process does not hold them yet. One read per
    /// entry: the jobs that miss while it is under way wait for it (a phase's first eight jobs start together), and read
    /// on their own connections only when it did not complete.
    /// </summary>
    internal async Task<SharedReads> GetAsync(NpgsqlConnection connection, Guid runId, string generation, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        var key = (RunId: runId, Generation: generation, AsOf: asOf);
        while (true)
        {
            TaskCompletionSource<SharedReads>? reader = null;
            Task<SharedReads>? held;
            lock (_gate)
            {
                if (!_cache.TryGetValue(key, out held) || held is null)
                {
                    reader = new TaskCompletionSource<SharedReads>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _cache.Set(key, reader.Task, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
                }
            }
            if (reader is not null) return await ReadAsync(connection, key, reader, cancellationToken).ConfigureAwait(false);
            await ((Task)held!).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            if (held!.IsCompletedSuccessfully) return held.Result;
            // The job that read failed or was cancelled and removed its entry: take the read over.
        }
    }

    private async Task<SharedReads> ReadAsync(NpgsqlConnection connection, (Guid RunId, string Generation, DateOnly AsOf) key,
        TaskCompletionSource<SharedReads> reader, CancellationToken cancellationToken)
    {
        var read = default(SharedReads);
        try
        {
            read = await RiskInputBatch.ReadSharedAsync(connection, key.AsOf, cancellationToken).ConfigureAwait(false);
            return read;
        }
        finally
        {
            if (read is not null) reader.SetResult(read);
            else
            {
                // Failed here: the jobs waiting for it read for themselves; the error stays this job's.
                lock (_gate) _cache.Remove(key);
                reader.SetCanceled(CancellationToken.None);
            }
        }
    }

    public void Dispose() => _cache.Dispose();
}
