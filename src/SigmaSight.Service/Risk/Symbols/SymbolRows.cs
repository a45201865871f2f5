using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk.Symbols;

/// <summary>
/// A phase-2 chunk's rows as one batch: its symbols' old rows of the days deleted, then one INSERT per table with its
/// columns passed as arrays (unnest), in one round trip, instead of EF Core's statement per row (issue 10: about 24,000
/// exposure rows a nightly for 2,000 symbols).
/// </summary>
internal static class SymbolRows
{
    private const string S = SigmaSightDbContext.Schema;

    /// <summary>Replaces the rows of <paramref name="symbols"/> on <paramref name="dates"/> with these, in the caller's transaction.</summary>
    public static async Task ReplaceAsync(SigmaSightDbContext db, IReadOnlyList<string> symbols, IReadOnlyList<DateOnly> dates,
        IReadOnlyList<SymbolFactorExposure> exposures, IReadOnlyList<SymbolVolatility> volatility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(volatility);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        NpgsqlParameter[] keys = [BatchCommands.Array("symbols", symbols), BatchCommands.Array("dates", dates)];
        batch.BatchCommands.Add(BatchCommands.Command(
            $"DELETE FROM {S}.symbol_factor_exposures WHERE symbol = ANY(@symbols) AND as_of = ANY(@dates)", keys));
        batch.BatchCommands.Add(BatchCommands.Command(
            $"DELETE FROM {S}.symbol_volatility WHERE symbol = ANY(@symbols) AND as_of = ANY(@dates)", keys));
        if (exposures.Count > 0) batch.BatchCommands.Add(Exposures(exposures));
        if (volatility.Count > 0) batch.BatchCommands.Add(Volatility(volatility));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Exposures(IReadOnlyList<SymbolFactorExposure> rows) => BatchCommands.Command($"""
        INSERT INTO {S}.symbol_factor_exposures (symbol, factor, as_of, beta, alpha, r_squared, std_error, observations, method,
               window_days, clipped, reason)
        SELECT * FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
        """,
        BatchCommands.Array("p1", rows.Select(r => r.Symbol)), BatchCommands.Array("p2", rows.Select(r => r.Factor)),
        BatchCommands.Array("p3", rows.Select(r => r.AsOf)), BatchCommands.Array("p4", rows.Select(r => r.Beta)),
        BatchCommands.Array("p5", rows.Select(r => r.Alpha)), BatchCommands.Array("p6", rows.Select(r => r.RSquared)),
        BatchCommands.Array("p7", rows.Select(r => r.StdError)), BatchCommands.Array("p8", rows.Select(r => r.Observations)),
        BatchCommands.Array("p9", rows.Select(r => r.Method)), BatchCommands.Array("p10", rows.Select(r => r.WindowDays)),
        BatchCommands.Array("p11", rows.Select(r => r.Clipped)), BatchCommands.Array("p12", rows.Select(r => r.Reason)));

    private static NpgsqlBatchCommand Volatility(IReadOnlyList<SymbolVolatility> rows) => BatchCommands.Command($"""
        INSERT INTO {S}.symbol_volatility (symbol, as_of, realized_vol_21d, realized_vol_63d, expected_vol_21d, trend, trend_slope,
               trend_r_squared, percentile, observations, reason)
        SELECT * FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
        """,
        BatchCommands.Array("p1", rows.Select(r => r.Symbol)), BatchCommands.Array("p2", rows.Select(r => r.AsOf)),
        BatchCommands.Array("p3", rows.Select(r => r.RealizedVol21d)), BatchCommands.Array("p4", rows.Select(r => r.RealizedVol63d)),
        BatchCommands.Array("p5", rows.Select(r => r.ExpectedVol21d)), BatchCommands.Array("p6", rows.Select(r => r.Trend)),
        BatchCommands.Array("p7", rows.Select(r => r.TrendSlope)), BatchCommands.Array("p8", rows.Select(r => r.TrendRSquared)),
        BatchCommands.Array("p9", rows.Select(r => r.Percentile)), BatchCommands.Array("p10", rows.Select(r => r.Observations)),
        BatchCommands.Array("p11", rows.Select(r => r.Reason)));
}
