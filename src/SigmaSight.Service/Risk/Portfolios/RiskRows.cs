using Npgsql;
using NpgsqlTypes;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>
/// A portfolio-day's risk rows as one batch: the day's old rows deleted, then one INSERT per table with its columns
/// passed as arrays (unnest), all in one round trip, instead of EF Core's statement per row (issue 10).
/// </summary>
internal static class RiskRows
{
    private const string S = SigmaSightDbContext.Schema;

    public static NpgsqlBatch Build(NpgsqlConnection connection, IEnumerable<string> deletes, Guid portfolioId, DateOnly asOf,
        RiskFigures figures)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var delete in deletes)
            batch.BatchCommands.Add(BatchCommands.Command(delete,
                new NpgsqlParameter("portfolio", portfolioId), new NpgsqlParameter("from", asOf), new NpgsqlParameter("to", asOf)));
        foreach (var command in Inserts(figures)) batch.BatchCommands.Add(command);
        return batch;
    }

    private static IEnumerable<NpgsqlBatchCommand> Inserts(RiskFigures figures)
    {
        if (figures.Positions.Count > 0)
        {
            var rows = figures.Positions.Values.ToList();
            yield return BatchCommands.Command($"""
                INSERT INTO {S}.position_risk (position_id, as_of, portfolio_id, market_beta, realized_vol_21d, realized_vol_63d,
                       expected_vol_21d, price, delta, gamma, theta, vega, delta_adjusted_exposure)
                SELECT * FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
                """,
                Array("p1", rows.Select(r => r.PositionId)), Array("p2", rows.Select(r => r.AsOf)), Array("p3", rows.Select(r => r.PortfolioId)),
                Array("p4", rows.Select(r => r.MarketBeta)), Array("p5", rows.Select(r => r.RealizedVol21d)),
                Array("p6", rows.Select(r => r.RealizedVol63d)), Array("p7", rows.Select(r => r.ExpectedVol21d)),
                Array("p8", rows.Select(r => r.Price)), Array("p9", rows.Select(r => r.Delta)), Array("p10", rows.Select(r => r.Gamma)),
                Array("p11", rows.Select(r => r.Theta)), Array("p12", rows.Select(r => r.Vega)),
                Array("p13", rows.Select(r => r.DeltaAdjustedExposure)));
        }
        if (figures.Stress.Count > 0)
        {
            var rows = figures.Stress;
            yield return BatchCommands.Command($"""
                INSERT INTO {S}.stress_results (portfolio_id, scenario_id, as_of, direct_pnl, correlated_pnl, correlation_effect, factor_impacts)
                SELECT p1, p2, p3, p4, p5, p6, p7::jsonb FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7) AS u(p1, p2, p3, p4, p5, p6, p7)
                """,
                Array("p1", rows.Select(r => r.PortfolioId)), Array("p2", rows.Select(r => r.ScenarioId)), Array("p3", rows.Select(r => r.AsOf)),
                Array("p4", rows.Select(r => r.DirectPnl)), Array("p5", rows.Select(r => r.CorrelatedPnl)),
                Array("p6", rows.Select(r => r.CorrelationEffect)), Array("p7", rows.Select(r => JsonbColumn.Serialize(r.FactorImpacts))));
        }
        if (figures.Sectors.Count > 0)
        {
            var rows = figures.Sectors;
            yield return BatchCommands.Command($"""
                INSERT INTO {S}.portfolio_sector_exposures (portfolio_id, as_of, sector, net_weight, gross_weight, benchmark_weight, market_value)
                SELECT * FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7)
                """,
                Array("p1", rows.Select(r => r.PortfolioId)), Array("p2", rows.Select(r => r.AsOf)), Array("p3", rows.Select(r => r.Sector)),
                Array("p4", rows.Select(r => r.NetWeight)), Array("p5", rows.Select(r => r.GrossWeight)),
                Array("p6", rows.Select(r => r.BenchmarkWeight)), Array("p7", rows.Select(r => r.MarketValue)));
        }
        if (figures.FactorExposures.Count > 0)
        {
            var rows = figures.FactorExposures;
            yield return BatchCommands.Command($"""
                INSERT INTO {S}.portfolio_factor_exposures (portfolio_id, factor, as_of, exposure, exposure_dollar, coverage, missing_symbols, private_symbols)
                SELECT p1, p2, p3, p4, p5, p6, p7::jsonb, p8::jsonb FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
                       AS u(p1, p2, p3, p4, p5, p6, p7, p8)
                """,
                Array("p1", rows.Select(r => r.PortfolioId)), Array("p2", rows.Select(r => r.Factor)), Array("p3", rows.Select(r => r.AsOf)),
                Array("p4", rows.Select(r => r.Exposure)), Array("p5", rows.Select(r => r.ExposureDollar)),
                Array("p6", rows.Select(r => r.Coverage)), Array("p7", rows.Select(r => JsonbColumn.Serialize(r.MissingSymbols))),
                Array("p8", rows.Select(r => JsonbColumn.Serialize(r.PrivateSymbols))));
        }
        if (figures.Correlations.Count > 0)
        {
            var rows = figures.Correlations;
            yield return BatchCommands.Command($"""
                INSERT INTO {S}.correlation_results (portfolio_id, as_of, window_days, overall_correlation, effective_positions,
                       observations, psd_adjusted, symbols, matrix)
                SELECT p1, p2, p3, p4, p5, p6, p7, p8::jsonb, p9::jsonb FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
                       AS u(p1, p2, p3, p4, p5, p6, p7, p8, p9)
                """,
                Array("p1", rows.Select(r => r.PortfolioId)), Array("p2", rows.Select(r => r.AsOf)), Array("p3", rows.Select(r => r.WindowDays)),
                Array("p4", rows.Select(r => r.OverallCorrelation)), Array("p5", rows.Select(r => r.EffectivePositions)),
                Array("p6", rows.Select(r => r.Observations)), Array("p7", rows.Select(r => r.PsdAdjusted)),
                Array("p8", rows.Select(r => JsonbColumn.Serialize(r.Symbols))), Array("p9", rows.Select(r => JsonbColumn.Serialize(r.Matrix))));
        }
        if (figures.Families.Count > 0)
        {
            var rows = figures.Families;
            yield return BatchCommands.Command($"""
                INSERT INTO {S}.analytic_results (portfolio_id, as_of, family, status, reason, run_id)
                SELECT * FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6)
                """,
                Array("p1", rows.Select(r => r.PortfolioId)), Array("p2", rows.Select(r => r.AsOf)), Array("p3", rows.Select(r => r.Family)),
                Array("p4", rows.Select(r => r.Status)), Array("p5", rows.Select(r => r.Reason)), Array("p6", rows.Select(r => r.RunId)));
        }
    }

    /// <summary>The snapshot's risk columns as <paramref name="snapshot"/> holds them (read in this transaction, then set).</summary>
    public static NpgsqlBatchCommand SnapshotColumns(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var command = new NpgsqlBatchCommand($"""
            UPDATE {S}.portfolio_snapshots
               SET beta_90d = @beta, realized_vol_21d = @vol21, realized_vol_63d = @vol63, expected_vol_21d = @expected21,
                   volatility_trend = @trend, volatility_percentile = @percentile, snapshot_realized_vol_21d = @svol21,
                   snapshot_realized_vol_63d = @svol63, snapshot_volatility_reason = @sreason, var_95 = @var95, var_99 = @var99,
                   es_95 = @es95, es_99 = @es99, parametric_var_95 = @pvar95, parametric_var_99 = @pvar99,
                   parametric_es_95 = @pes95, parametric_es_99 = @pes99, hhi = @hhi, effective_num_positions = @effective,
                   top_3_concentration = @top3, top_10_concentration = @top10
             WHERE id = @id
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid>("id", snapshot.Id));
        p.Add(BatchCommands.Nullable("beta", NpgsqlDbType.Double, snapshot.Beta90d));
        p.Add(BatchCommands.Nullable("vol21", NpgsqlDbType.Double, snapshot.RealizedVol21d));
        p.Add(BatchCommands.Nullable("vol63", NpgsqlDbType.Double, snapshot.RealizedVol63d));
        p.Add(BatchCommands.Nullable("expected21", NpgsqlDbType.Double, snapshot.ExpectedVol21d));
        p.Add(BatchCommands.Nullable("trend", NpgsqlDbType.Varchar, snapshot.VolatilityTrend));
        p.Add(BatchCommands.Nullable("percentile", NpgsqlDbType.Double, snapshot.VolatilityPercentile));
        p.Add(BatchCommands.Nullable("svol21", NpgsqlDbType.Double, snapshot.SnapshotRealizedVol21d));
        p.Add(BatchCommands.Nullable("svol63", NpgsqlDbType.Double, snapshot.SnapshotRealizedVol63d));
        p.Add(BatchCommands.Nullable("sreason", NpgsqlDbType.Text, snapshot.SnapshotVolatilityReason));
        p.Add(BatchCommands.Nullable("var95", NpgsqlDbType.Numeric, snapshot.Var95));
        p.Add(BatchCommands.Nullable("var99", NpgsqlDbType.Numeric, snapshot.Var99));
        p.Add(BatchCommands.Nullable("es95", NpgsqlDbType.Numeric, snapshot.Es95));
        p.Add(BatchCommands.Nullable("es99", NpgsqlDbType.Numeric, snapshot.Es99));
        p.Add(BatchCommands.Nullable("pvar95", NpgsqlDbType.Numeric, snapshot.ParametricVar95));
        p.Add(BatchCommands.Nullable("pvar99", NpgsqlDbType.Numeric, snapshot.ParametricVar99));
        p.Add(BatchCommands.Nullable("pes95", NpgsqlDbType.Numeric, snapshot.ParametricEs95));
        p.Add(BatchCommands.Nullable("pes99", NpgsqlDbType.Numeric, snapshot.ParametricEs99));
        p.Add(BatchCommands.Nullable("hhi", NpgsqlDbType.Double, snapshot.Hhi));
        p.Add(BatchCommands.Nullable("effective", NpgsqlDbType.Double, snapshot.EffectiveNumPositions));
        p.Add(BatchCommands.Nullable("top3", NpgsqlDbType.Double, snapshot.Top3Concentration));
        p.Add(BatchCommands.Nullable("top10", NpgsqlDbType.Double, snapshot.Top10Concentration));
        return command;
    }

    private static NpgsqlParameter<T[]> Array<T>(string name, IEnumerable<T> values) => BatchCommands.Array(name, values);
}
