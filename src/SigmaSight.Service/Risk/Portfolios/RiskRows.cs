using Npgsql;
using SigmaSight.Service.Persistence;

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

    private static NpgsqlParameter<T[]> Array<T>(string name, IEnumerable<T> values) => new(name, [.. values]);
}
