using Npgsql;
using SigmaSight.Analytics.Volatility;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>
/// What a portfolio-risk job reads of its own portfolio, as the database holds it for one portfolio and day, with the
/// generation of its run's symbol analytics (<see cref="RiskReferenceCache"/>).
/// </summary>
internal sealed record PortfolioReads(
    string? PortfolioName,
    PortfolioSnapshot? Snapshot,
    List<double?> SnapshotReturns,
    List<(Position Position, PositionValue Value)> Lots,
    string Generation,
    bool HasStoredRows);

/// <summary>
/// What a portfolio-risk job reads that is the same for every portfolio of the run and day: every symbol's security, factor
/// exposures and volatility on the day, and the reference data (active factors, the sector benchmark, active stress
/// scenarios, market closures).
/// </summary>
internal sealed record SharedReads(
    Dictionary<string, Security> Securities,
    ILookup<string, SymbolFactorExposure> Exposures,
    Dictionary<string, SymbolVolatility> Volatility,
    List<FactorDefinition> Factors,
    Dictionary<string, double> BenchmarkWeights,
    List<StressScenario> Scenarios,
    List<DateOnly> Closures);

/// <summary>
/// Reads a portfolio-risk job's inputs in batches of queries, one round trip each, no query pipeline. A risk job spent
/// about 7 core-ms in eleven EF Core queries (issue 10); most of it was each query's own cost (compiling, sending,
/// waiting, waking a thread), not its rows. The portfolio's own rows are read by every job; the day's symbol analytics
/// and reference data once per run and day in a process (<see cref="RiskReferenceCache"/>).
/// </summary>
internal static class RiskInputBatch
{
    private const string S = SigmaSightDbContext.Schema;

    /// <summary>
    /// The stored daily returns of the last 63 snapshots on or before the day (<see cref="SnapshotVolatility"/>), newest
    /// first: a backward scan of the unique (portfolio_id, snapshot_date) index that stops after 63 rows, however long the
    /// history (<c>RiskHistoryCostTests</c>).
    /// </summary>
    internal static readonly string SnapshotReturnsSql = $"""
        SELECT daily_return FROM {S}.portfolio_snapshots WHERE portfolio_id = @portfolio AND snapshot_date <= @asOf
        ORDER BY snapshot_date DESC LIMIT {SnapshotVolatility.SnapshotsUsed}
        """;

    private static readonly string[] PortfolioQueries =
    [
        $"SELECT name FROM {S}.portfolios WHERE id = @portfolio",
        $"""
        SELECT id, portfolio_id, snapshot_date, equity_balance, cash_value, daily_pnl, daily_return, daily_return_note,
               cumulative_pnl, daily_realized_pnl, cumulative_realized_pnl, daily_capital_flow, cumulative_capital_flow,
               long_value, short_value, gross_exposure, net_exposure, num_positions, num_long_positions, num_short_positions,
               stale_price_count, run_id, created_at, beta_90d, realized_vol_21d, realized_vol_63d, expected_vol_21d,
               volatility_trend, volatility_percentile, var_95, var_99, es_95, es_99, parametric_var_95, parametric_var_99,
               parametric_es_95, parametric_es_99, hhi, effective_num_positions, top_3_concentration, top_10_concentration,
               snapshot_realized_vol_21d, snapshot_realized_vol_63d, snapshot_volatility_reason
        FROM {S}.portfolio_snapshots WHERE portfolio_id = @portfolio AND snapshot_date = @asOf
        """,
        SnapshotReturnsSql,
        $"""
        SELECT v.id, v.position_id, v.portfolio_id, v.value_date, v.price, v.price_date, v.market_value, v.unrealized_pnl, v.delta,
               {PositionRow.Columns}
        FROM {S}.position_values v JOIN {S}.positions p ON p.id = v.position_id
        WHERE v.portfolio_id = @portfolio AND v.value_date = @asOf
        """,
        // The generation of the run's symbol analytics: it changes when a phase-2 item of the run succeeds (late, too).
        $"""
        SELECT count(*) FILTER (WHERE status = 'Succeeded') || '/' || coalesce(max(finished_at)::text, '-')
        FROM {S}.batch_items WHERE run_id = @run AND phase = {BatchPhases.SymbolAnalytics}
        """,
        // Any of the day's phase-4 rows, in each table RiskWriter replaces (six index probes in one statement, against six
        // DELETEs that find nothing on a first computation).
        "SELECT " + string.Join("\n    OR ", RiskWriter.Tables.Select(t =>
            $"EXISTS (SELECT 1 FROM {S}.{t} WHERE portfolio_id = @portfolio AND as_of = @asOf)")),
    ];

    private static readonly string[] SharedQueries =
    [
        $"SELECT symbol, name, asset_type, sector, industry FROM {S}.securities",
        $"""
        SELECT symbol, factor, as_of, beta, alpha, r_squared, std_error, observations, method, window_days, clipped, reason
        FROM {S}.symbol_factor_exposures WHERE as_of = @asOf
        """,
        $"""
        SELECT symbol, as_of, realized_vol_21d, realized_vol_63d, expected_vol_21d, trend, trend_slope, trend_r_squared,
               percentile, observations, reason
        FROM {S}.symbol_volatility WHERE as_of = @asOf
        """,
        $"""
        SELECT name, factor_type, method, etf_proxy, spread_short_proxy, display_order, is_active
        FROM {S}.factor_definitions WHERE is_active ORDER BY display_order
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
    /// The portfolio's rows on <paramref name="connection"/> (open, in the caller's transaction), the batch's first command the
    /// portfolio's lock (<see cref="PortfolioLock"/>): every read of the job runs under it.
    /// </summary>
    public static async Task<PortfolioReads> ReadPortfolioAsync(NpgsqlConnection connection, Guid runId, Guid portfolioId, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        NpgsqlParameter[] parameters =
        [
            new NpgsqlParameter<Guid>("portfolio", portfolioId), new NpgsqlParameter<DateOnly>("asOf", asOf), new NpgsqlParameter<Guid>("run", runId),
        ];
        batch.BatchCommands.Add(PortfolioLock.Command(portfolioId));
        foreach (var sql in PortfolioQueries) batch.BatchCommands.Add(BatchCommands.Command(sql, parameters));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.RowsAsync(_ => 0, cancellationToken).ConfigureAwait(false); // the lock, held from here on
        var name = (await reader.NextRowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var snapshot = (await reader.NextRowsAsync(RiskInputRows.Snapshot, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var returns = await reader.NextRowsAsync(r => (double?)r.NullableValue<decimal>(0), cancellationToken).ConfigureAwait(false);
        returns.Reverse(); // oldest first
        var lots = await reader.NextRowsAsync(r => (PositionRow.Read(r, 9), RiskInputRows.Value(r)), cancellationToken).ConfigureAwait(false);
        var generation = (await reader.NextRowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false)).Single();
        var stored = (await reader.NextRowsAsync(r => r.GetBoolean(0), cancellationToken).ConfigureAwait(false)).Single();
        return new PortfolioReads(name, snapshot, returns, lots, generation, stored);
    }

    /// <summary>Every symbol's analytics on <paramref name="asOf"/>, and the reference data.</summary>
    public static async Task<SharedReads> ReadSharedAsync(NpgsqlConnection connection, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        NpgsqlParameter[] parameters = [new NpgsqlParameter<DateOnly>("asOf", asOf)];
        foreach (var sql in SharedQueries) batch.BatchCommands.Add(BatchCommands.Command(sql, parameters));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var securities = (await reader.RowsAsync(RiskInputRows.Security, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        var exposures = (await reader.NextRowsAsync(RiskInputRows.Exposure, cancellationToken).ConfigureAwait(false))
            .ToLookup(e => e.Symbol, StringComparer.Ordinal);
        var volatility = (await reader.NextRowsAsync(RiskInputRows.Volatility, cancellationToken).ConfigureAwait(false))
            .ToDictionary(v => v.Symbol, StringComparer.Ordinal);
        var factors = await reader.NextRowsAsync(RiskInputRows.Factor, cancellationToken).ConfigureAwait(false);
        var weights = (await reader.NextRowsAsync(r => (Sector: r.GetString(0), Weight: r.GetDouble(1)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(w => w.Sector, w => w.Weight, StringComparer.Ordinal);
        var scenarios = await reader.NextRowsAsync(RiskInputRows.Scenario, cancellationToken).ConfigureAwait(false);
        var closures = await reader.NextRowsAsync(r => r.GetFieldValue<DateOnly>(0), cancellationToken).ConfigureAwait(false);
        return new SharedReads(securities, exposures, volatility, factors, weights, scenarios, closures);
    }
}
