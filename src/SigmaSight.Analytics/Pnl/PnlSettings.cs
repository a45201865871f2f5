namespace SigmaSight.Analytics.Pnl;

/// <summary>Valuation parameters.</summary>
/// <param name="RiskFreeRate">Continuously compounded annual rate for Black–Scholes.</param>
/// <param name="StaleWindowTradingDays">A close at most this many trading days older than D may stand in for D's close.</param>
/// <param name="VolatilityWindow">Number of simple returns of the underlying for realised volatility.</param>
/// <param name="VolatilityFloor">Lower bound on the volatility used for options.</param>
public sealed record PnlSettings(
    double RiskFreeRate = 0.04, int StaleWindowTradingDays = 5, int VolatilityWindow = 63, double VolatilityFloor = 0.05);
