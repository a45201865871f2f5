namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// How a demo private asset is revalued: <paramref name="Kind"/> (the original's subtype, e.g. VENTURE_CAPITAL), the
/// beta of its marks to the synthetic SPY, its log-growth beyond β × the market's (<paramref name="AnnualDrift"/>, per
/// year) and the annual volatility of its marks beyond the market's (<paramref name="AnnualVolatility"/>).
/// </summary>
public sealed record DemoPrivateAsset(string Kind, double MarketBeta, double AnnualDrift, double AnnualVolatility);
