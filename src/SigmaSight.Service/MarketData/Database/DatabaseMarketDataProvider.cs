namespace SigmaSight.Service.MarketData.Database;

/// <summary>
/// The database-only provider (<c>MarketData:Provider = database</c>): prices come from imports
/// (<c>import-prices</c>, <c>POST /api/prices/import</c>) and phase 1 fetches nothing. A held symbol without a stored
/// close on a day of the run is a data-quality finding (<see cref="MissingCloseFinder"/>); the P&amp;L stale rules
/// then apply as for any provider. Security reference data is left as stored.
/// </summary>
public sealed class DatabaseMarketDataProvider : IMarketDataProvider
{
    public const string SourceName = "database";

    public string Source => SourceName;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
        IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>>(
            new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>());

    public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SecurityReference>>([]);
}
