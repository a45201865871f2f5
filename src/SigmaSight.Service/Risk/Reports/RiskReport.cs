namespace SigmaSight.Service.Risk.Reports;

/// <summary>Every family of a portfolio's risk on one day, as the CLI's <c>risk</c> verb and the API return it.</summary>
public sealed record RiskReport(
    Guid PortfolioId,
    string Portfolio,
    DateOnly AsOf,
    decimal Nav,
    IReadOnlyList<FamilyStatus> Families,
    RiskSummary Summary,
    IReadOnlyList<FactorExposureView> FactorExposures,
    CorrelationView? Correlation,
    IReadOnlyList<StressView> Stress,
    IReadOnlyList<SectorView> Sectors,
    IReadOnlyList<PositionRiskView> Positions);

public sealed record FamilyStatus(string Family, string Status, string? Reason);

/// <summary>
/// The snapshot's risk columns. The volatility figures are the holdings-based series' (realised, HAR, trend, percentile),
/// then the realised 21/63 of the portfolio's own snapshot returns, null with <c>SnapshotVolatilityReason</c> until it has enough.
/// </summary>
public sealed record RiskSummary(
    double? Beta90d, double? RealizedVol21d, double? RealizedVol63d, double? ExpectedVol21d, string? VolatilityTrend,
    double? VolatilityPercentile, double? SnapshotRealizedVol21d, double? SnapshotRealizedVol63d, string? SnapshotVolatilityReason,
    decimal? Var95, decimal? Var99, decimal? Es95, decimal? Es99, decimal? ParametricVar95,
    decimal? ParametricVar99, decimal? ParametricEs95, decimal? ParametricEs99, double? Hhi, double? EffectiveNumPositions,
    double? Top3Concentration, double? Top10Concentration);

public sealed record FactorExposureView(string Factor, double? Exposure, decimal? ExposureDollar, double Coverage, IReadOnlyList<string> MissingSymbols);

public sealed record CorrelationView(int WindowDays, int Observations, double? OverallCorrelation, double? EffectivePositions,
    IReadOnlyList<string> Symbols, IReadOnlyList<double[]> Matrix);

public sealed record StressView(string ScenarioId, string Name, string Category, decimal DirectPnl, decimal CorrelatedPnl,
    decimal CorrelationEffect, IReadOnlyDictionary<string, decimal> FactorImpacts);

public sealed record SectorView(string Sector, decimal MarketValue, double? NetWeight, double? GrossWeight, double? BenchmarkWeight);

public sealed record PositionRiskView(string Symbol, decimal? Price, double? MarketBeta, double? RealizedVol21d, double? RealizedVol63d,
    double? ExpectedVol21d, double? Delta, double? Gamma, double? Theta, double? Vega, decimal? DeltaAdjustedExposure);
