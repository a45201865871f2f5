using Npgsql;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>The rows a portfolio-risk job reads (<see cref="RiskInputBatch"/>), mapped in the column order of its queries.</summary>
internal static class RiskInputRows
{
    internal static PortfolioSnapshot Snapshot(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), PortfolioId = r.GetGuid(1), SnapshotDate = r.GetFieldValue<DateOnly>(2), EquityBalance = r.GetDecimal(3),
        CashValue = r.GetDecimal(4), DailyPnl = r.GetDecimal(5), DailyReturn = r.NullableValue<decimal>(6), DailyReturnNote = r.NullableText(7),
        CumulativePnl = r.GetDecimal(8), DailyRealizedPnl = r.GetDecimal(9), CumulativeRealizedPnl = r.GetDecimal(10),
        DailyCapitalFlow = r.GetDecimal(11), CumulativeCapitalFlow = r.GetDecimal(12), LongValue = r.GetDecimal(13),
        ShortValue = r.GetDecimal(14), GrossExposure = r.GetDecimal(15), NetExposure = r.GetDecimal(16), NumPositions = r.GetInt32(17),
        NumLongPositions = r.GetInt32(18), NumShortPositions = r.GetInt32(19), StalePriceCount = r.GetInt32(20), RunId = r.GetGuid(21),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(22), Beta90d = r.NullableValue<double>(23), RealizedVol21d = r.NullableValue<double>(24),
        RealizedVol63d = r.NullableValue<double>(25), ExpectedVol21d = r.NullableValue<double>(26), VolatilityTrend = r.NullableText(27),
        VolatilityPercentile = r.NullableValue<double>(28), Var95 = r.NullableValue<decimal>(29), Var99 = r.NullableValue<decimal>(30),
        Es95 = r.NullableValue<decimal>(31), Es99 = r.NullableValue<decimal>(32), ParametricVar95 = r.NullableValue<decimal>(33),
        ParametricVar99 = r.NullableValue<decimal>(34), ParametricEs95 = r.NullableValue<decimal>(35), ParametricEs99 = r.NullableValue<decimal>(36),
        Hhi = r.NullableValue<double>(37), EffectiveNumPositions = r.NullableValue<double>(38), Top3Concentration = r.NullableValue<double>(39),
        Top10Concentration = r.NullableValue<double>(40), SnapshotRealizedVol21d = r.NullableValue<double>(41),
        SnapshotRealizedVol63d = r.NullableValue<double>(42), SnapshotVolatilityReason = r.NullableText(43),
    };

    internal static PositionValue Value(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), PositionId = r.GetGuid(1), PortfolioId = r.GetGuid(2), ValueDate = r.GetFieldValue<DateOnly>(3),
        Price = r.GetDecimal(4), PriceDate = r.GetFieldValue<DateOnly>(5), MarketValue = r.GetDecimal(6),
        UnrealizedPnl = r.GetDecimal(7), Delta = r.NullableValue<double>(8),
    };

    internal static Security Security(NpgsqlDataReader r) => new()
    {
        Symbol = r.GetString(0), Name = r.NullableText(1), AssetType = r.NullableText(2), Sector = r.NullableText(3), Industry = r.NullableText(4),
    };

    internal static FactorDefinition Factor(NpgsqlDataReader r) => new()
    {
        Name = r.GetString(0), FactorType = r.GetString(1), Method = r.GetString(2), EtfProxy = r.GetString(3),
        SpreadShortProxy = r.NullableText(4), DisplayOrder = r.GetInt32(5), IsActive = r.GetBoolean(6),
    };

    internal static SymbolFactorExposure Exposure(NpgsqlDataReader r) => new()
    {
        Symbol = r.GetString(0), Factor = r.GetString(1), AsOf = r.GetFieldValue<DateOnly>(2), Beta = r.NullableValue<double>(3),
        Alpha = r.NullableValue<double>(4), RSquared = r.NullableValue<double>(5), StdError = r.NullableValue<double>(6), Observations = r.GetInt32(7),
        Method = r.GetString(8), WindowDays = r.GetInt32(9), Clipped = r.GetBoolean(10), Reason = r.NullableText(11),
    };

    internal static SymbolVolatility Volatility(NpgsqlDataReader r) => new()
    {
        Symbol = r.GetString(0), AsOf = r.GetFieldValue<DateOnly>(1), RealizedVol21d = r.NullableValue<double>(2),
        RealizedVol63d = r.NullableValue<double>(3), ExpectedVol21d = r.NullableValue<double>(4), Trend = r.NullableText(5),
        TrendSlope = r.NullableValue<double>(6), TrendRSquared = r.NullableValue<double>(7), Percentile = r.NullableValue<double>(8),
        Observations = r.GetInt32(9), Reason = r.NullableText(10),
    };

    internal static StressScenario Scenario(NpgsqlDataReader r) => new()
    {
        ScenarioId = r.GetString(0), Name = r.GetString(1), Category = r.GetString(2), Severity = r.GetString(3),
        Shocks = JsonbColumn.Deserialize<Dictionary<string, double>>(r.GetString(4)),
        FactorMapping = JsonbColumn.Deserialize<Dictionary<string, ScenarioFactor>>(r.GetString(5)),
        IsActive = r.GetBoolean(6), DisplayOrder = r.GetInt32(7),
    };
}
