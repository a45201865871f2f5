using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>Replaces a portfolio's phase-4 rows of one day (a retry or re-run rewrites, never duplicates).</summary>
public static class RiskWriter
{
    /// <summary>
    /// Writes the figures and the snapshot's risk columns (set on <paramref name="snapshot"/>, the day's snapshot as the
    /// caller read it in this transaction), then <paramref name="success"/> when given (the ledger item's,
    /// <see cref="Batches.BatchLedger.SuccessCommand"/>): one round trip (issue 10). Returns what <paramref name="success"/> returned.
    /// The day's old rows are deleted first when <paramref name="replace"/>: the caller read, under the portfolio's lock, that
    /// some were stored (a first computation's six DELETEs find nothing and cost about 0.4 core-ms, issue 10).
    /// </summary>
    public static async Task<int?> WriteAsync(SigmaSightDbContext db, PortfolioSnapshot snapshot, RiskFigures figures, bool replace,
        NpgsqlBatchCommand? success, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var set in figures.SnapshotColumns) set(snapshot);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = RiskRows.Build(connection, replace ? Deletes : [], snapshot.PortfolioId, snapshot.SnapshotDate, figures);
        batch.BatchCommands.Add(RiskRows.SnapshotColumns(snapshot));
        if (success is not null) batch.BatchCommands.Add(success);
        return await batch.ExecuteForValueAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tables of a portfolio's phase-4 rows, each keyed by portfolio and <c>as_of</c>.</summary>
    internal static readonly string[] Tables =
    [
        "portfolio_factor_exposures", "correlation_results", "stress_results", "portfolio_sector_exposures", "position_risk",
        "analytic_results",
    ];

    /// <summary>A DELETE per table of a portfolio's rows over [<c>@from</c>, <c>@to</c>].</summary>
    private static readonly string[] Deletes = [.. Tables.Select(t =>
        $"DELETE FROM {SigmaSightDbContext.Schema}.{t} WHERE portfolio_id = @portfolio AND as_of >= @from AND as_of <= @to")];

    /// <summary>One command, one round trip: every DELETE.</summary>
    private static readonly string DeleteSql = string.Join(";\n", Deletes);

    /// <summary>Deletes a portfolio's phase-4 rows from <paramref name="from"/> on (to <paramref name="from"/> only when <paramref name="onlyThatDay"/>).</summary>
    public static Task DeleteAsync(SigmaSightDbContext db, Guid portfolioId, DateOnly from, CancellationToken cancellationToken,
        bool onlyThatDay = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        var to = onlyThatDay ? from : DateOnly.MaxValue;
        return db.Database.ExecuteSqlRawAsync(DeleteSql,
            [new NpgsqlParameter("portfolio", portfolioId), new NpgsqlParameter("from", from), new NpgsqlParameter("to", to)],
            cancellationToken);
    }
}
