using Npgsql;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>What a portfolio-risk job reads besides closes, as the database holds it for one portfolio and day.</summary>
internal sealed record RiskReads(
    string? PortfolioName,
    PortfolioSnapshot? Snapshot,
    List<(Position Position, PositionValue Value)> Lots,
    Dictionary<string, Security> Securities,
    List<FactorDefinition> Factors,
    List<SymbolFactorExposure> Exposures,
    List<SymbolVolatility> Volatility,
    Dictionary<string, double> BenchmarkWeights,
    List<StressScenario> Scenarios,
    List<DateOnly> Closures);

/// <summary>
/// Reads <see cref="RiskReads"/> with one batch: ten queries, one round trip, no query pipeline. A risk job spent
/// about 7 core-ms in eleven EF Core queries (issue 10); most of it was each query's own cost (compiling, sending,
/// waiting, waking a thread), not its rows. The symbols' analytics are read for every symbol (or option underlying) the
/// portfolio values that day; the loader keeps the ones its holdings use.
/// </summary>
internal static class RiskInputBatch
{
    private const string S = SigmaSightDbContext.Schema;

    private const string HeldSymbols = $"""
        SELECT CASE WHEN p.investment_class = 'OPTIONS' THEN p.underlying_symbol ELSE p.symbol END
        FROM {S}.position_values v JOIN {S}.positions p ON p.id = v.position_id
        WHERE v.portfolio_id = @portfolio AND v.value_date = @asOf
        """;

    private static readonly string[] Queries =
    [
        $"SELECT name FROM {S}.portfolios WHERE id = @portfolio",
        $"""
        SELECT id, portfolio_id, snapshot_date, equity_balance, cash_value, daily_pnl, daily_return, daily_return_note,
               cumulative_pnl, daily_realized_pnl, cumulative_realized_pnl, daily_capital_flow, cumulative_capital_flow,
               long_value, short_value, gross_exposure, net_exposure, num_positions, num_long_positions, num_short_positions,
               stale_price_count, run_id, created_at, beta_90d, realized_vol_21d, realized_vol_63d, expected_vol_21d,
               volatility_trend, volatility_percentile, var_95, var_99, es_95, es_99, parametric_var_95, parametric_var_99,
               parametric_es_95, parametric_es_99, hhi, effective_num_positions, top_3_concentration, top_10_concentration
        FROM {S}.portfolio_snapshots WHERE portfolio_id = @portfolio AND snapshot_date = @asOf
        """,
        $"""
        SELECT v.id, v.position_id, v.portfolio_id, v.value_date, v.price, v.price_date, v.market_value, v.unrealized_pnl, v.delta,
               {PositionRow.Columns}
        FROM {S}.position_values v JOIN {S}.positions p ON p.id = v.position_id
        WHERE v.portfolio_id = @portfolio AND v.value_date = @asOf
        """,
        $"SELECT symbol, name, asset_type, sector, industry FROM {S}.securities WHERE symbol IN ({HeldSymbols})",
        $"""
        SELECT name, factor_type, method, etf_proxy, spread_short_proxy, display_order, is_active
        FROM {S}.factor_definitions WHERE is_active ORDER BY display_order
        """,
        $"""
        SELECT symbol, factor, as_of, beta, alpha, r_squared, std_error, observations, method, window_days, clipped, reason
        FROM {S}.symbol_factor_exposures WHERE as_of = @asOf AND symbol IN ({HeldSymbols})
        """,
        $"""
        SELECT symbol, as_of, realized_vol_21d, realized_vol_63d, expected_vol_21d, trend, trend_slope, trend_r_squared,
               percentile, observations, reason
        FROM {S}.symbol_volatility WHERE as_of = @asOf AND symbol IN ({HeldSymbols})
        """,
        $"""
        SELECT sector, weight FROM {S}.sector_benchmark_weights
        WHERE benchmark = '{SectorBenchmarkWeight.Sp500}' AND as_of = (
            SELECT max(as_of) FROM {S}.sector_benchmark_weights WHERE benchmark = '{SectorBenchmarkWeight.Sp500}' AND as_of <= @asOf)
        """,
        $"""
        SELECT scenario_id, name, category, severity, shocks::text, factor_mapping::text, is_active, display_order
        FROM {S}.stress_scenarios WHERE is_active ORDER BY display_order
        """,
        $"SELECT date FROM {S}.market_closures",
    ];

    /// <summary>
    /// Runs the batch on <paramref name="connection"/> (open, in the caller's transaction), its first command the portfolio's
    /// lock (<see cref="PortfolioLock"/>): every read runs under it.
    /// </summary>
    public static async Task<RiskReads> ReadAsync(NpgsqlConnection connection, Guid portfolioId, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        NpgsqlParameter[] parameters = [new NpgsqlParameter<Guid>("portfolio", portfolioId), new NpgsqlParameter<DateOnly>("asOf", asOf)];
        batch.BatchCommands.Add(PortfolioLock.Command(portfolioId));
        foreach (var sql in Queries) batch.BatchCommands.Add(BatchCommands.Command(sql, parameters));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.RowsAsync(_ => 0, cancellationToken).ConfigureAwait(false); // the lock, held from here on
        var name = (await reader.NextRowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var snapshot = (await reader.NextRowsAsync(Snapshot, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var lots = await reader.NextRowsAsync(r => (PositionRow.Read(r, 9), Value(r)), cancellationToken).ConfigureAwait(false);
        var securities = (await reader.NextRowsAsync(Security, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        var factors = await reader.NextRowsAsync(Factor, cancellationToken).ConfigureAwait(false);
        var exposures = await reader.NextRowsAsync(Exposure, cancellationToken).ConfigureAwait(false);
        var volatility = await reader.NextRowsAsync(Volatility, cancellationToken).ConfigureAwait(false);
        var weights = (await reader.NextRowsAsync(r => (Sector: r.GetString(0), Weight: r.GetDouble(1)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(w => w.Sector, w => w.Weight, StringComparer.Ordinal);
        var scenarios = await reader.NextRowsAsync(Scenario, cancellationToken).ConfigureAwait(false);
        var closures = await reader.NextRowsAsync(r => r.GetFieldValue<DateOnly>(0), cancellationToken).ConfigureAwait(false);
        return new RiskReads(name, snapshot, lots, securities, factors, exposures, volatility, weights, scenarios, closures);
    }

    private static PortfolioSnapshot Snapshot(NpgsqlDataReader r) => new()
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
        Top10Concentration = r.NullableValue<double>(40),
    };

    private static PositionValue Value(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), PositionId = r.GetGuid(1), PortfolioId = r.GetGuid(2), ValueDate = r.GetFieldValue<DateOnly>(3),
        Price = r.GetDecimal(4), PriceDate = r.GetFieldValue<DateOnly>(5), MarketValue = r.GetDecimal(6),
        UnrealizedPnl = r.GetDecimal(7), Delta = r.NullableValue<double>(8),
    };

    private static Security Security(NpgsqlDataReader r) => new()
    {
        Symbol = r.GetString(0), Name = r.NullableText(1), AssetType = r.NullableText(2), Sector = r.NullableText(3), Industry = r.NullableText(4),
    };

    private static FactorDefinition Factor(NpgsqlDataReader r) => new()
    {
        Name = r.GetString(0), FactorType = r.GetString(1), Method = r.GetString(2), EtfProxy = r.GetString(3),
        SpreadShortProxy = r.NullableText(4), DisplayOrder = r.GetInt32(5), IsActive = r.GetBoolean(6),
    };

    private static SymbolFactorExposure Exposure(NpgsqlDataReader r) => new()
    {
        Symbol = r.GetString(0), Factor = r.GetString(1), AsOf = r.GetFieldValue<DateOnly>(2), Beta = r.NullableValue<double>(3),
        Alpha = r.NullableValue<double>(4), RSquared = r.NullableValue<double>(5), StdError = r.NullableValue<double>(6), Observations = r.GetInt32(7),
        Method = r.GetString(8), WindowDays = r.GetInt32(9), Clipped = r.GetBoolean(10), Reason = r.NullableText(11),
    };

    private static SymbolVolatility Volatility(NpgsqlDataReader r) => new()
    {
        Symbol = r.GetString(0), AsOf = r.GetFieldValue<DateOnly>(1), RealizedVol21d = r.NullableValue<double>(2),
        RealizedVol63d = r.NullableValue<double>(3), ExpectedVol21d = r.NullableValue<double>(4), Trend = r.NullableText(5),
        TrendSlope = r.NullableValue<double>(6), TrendRSquared = r.NullableValue<double>(7), Percentile = r.NullableValue<double>(8),
        Observations = r.GetInt32(9), Reason = r.NullableText(10),
    };

    private static StressScenario Scenario(NpgsqlDataReader r) => new()
    {
        ScenarioId = r.GetString(0), Name = r.GetString(1), Category = r.GetString(2), Severity = r.GetString(3),
        Shocks = JsonbColumn.Deserialize<Dictionary<string, double>>(r.GetString(4)),
        FactorMapping = JsonbColumn.Deserialize<Dictionary<string, ScenarioFactor>>(r.GetString(5)),
        IsActive = r.GetBoolean(6), DisplayOrder = r.GetInt32(7),
    };
}
