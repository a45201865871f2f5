using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// The vendor profiles this process fetched, each kept for <see cref="HttpProviderOptions.ProfileMaxAge"/> (a profile
/// the vendor lacked, too), so a nightly asks for a symbol's profile once in that span rather than once a night. One per
/// process (a singleton); another host, or a restart, asks again.
/// </summary>
public sealed class FmpProfileCache(TimeProvider time, IOptions<HttpProviderOptions> options)
{
    private readonly ConcurrentDictionary<string, (SecurityReference? Security, DateTimeOffset FetchedAt)> _profiles =
        new(StringComparer.Ordinal);

    /// <summary>True with the stored answer (null: the vendor had none) while it is younger than the maximum age.</summary>
    public bool TryGet(string symbol, out SecurityReference? security)
    {
        security = null;
        if (!_profiles.TryGetValue(symbol, out var entry) || time.GetUtcNow() - entry.FetchedAt >= options.Value.ProfileMaxAge) return false;
        security = entry.Security;
        return true;
    }

    public void Set(string symbol, SecurityReference? security) => _profiles[symbol] = (security, time.GetUtcNow());
}
