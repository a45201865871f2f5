namespace SigmaSight.Service.MarketData;

/// <summary>Where prices and security reference data come from: the synthetic demo market, CSV files or an HTTP provider.</summary>
public interface IMarketDataProvider
{
    /// <summary>Stored in <c>prices.source</c>.</summary>
    string Source { get; }

    /// <summary>Daily closes of each known symbol in [firstDate, lastDate]; symbols the provider does not know are absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
        IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken);

    /// <summary>Reference data (name, asset type, GICS sector and industry) of each known symbol; unknown symbols are absent.</summary>
    Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);
}
