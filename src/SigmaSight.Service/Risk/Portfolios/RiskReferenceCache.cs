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

    /// <summary>
    /// The day's symbol analytics and reference data for the run's generation; read with one batch on
    /// <paramref name="connection"/> (in the caller's transaction) when this process does not hold them yet.
    /// </summary>
    internal async Task<SharedReads> GetAsync(NpgsqlConnection connection, Guid runId, string generation, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue((runId, generation, asOf), out SharedReads? held) && held is not null) return held;
        var read = await RiskInputBatch.ReadSharedAsync(connection, asOf, cancellationToken).ConfigureAwait(false);
        _cache.Set((runId, generation, asOf), read, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return read;
    }

    public void Dispose() => _cache.Dispose();
}
