using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Pnl;

/// <summary>
/// One portfolio at a time (DESIGN §4): a transaction-scoped advisory lock that every writer of a portfolio's
/// snapshot history takes — the P&amp;L job and a recompute's deletion.
/// </summary>
public static class PortfolioLock
{
    private const string Sql = "SELECT pg_advisory_xact_lock(hashtextextended(@lockKey, 0))";

    public static Task AcquireAsync(SigmaSightDbContext db, Guid portfolioId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync(Sql, [new NpgsqlParameter<string>("lockKey", Key(portfolioId))], cancellationToken);
    }

    /// <summary>
    /// The same lock as the first command of a job's read batch: PostgreSQL runs the batch's reads in order, so they run
    /// once the lock is held and see what its previous holder committed (issue 10: a round trip fewer a job).
    /// </summary>
    internal static NpgsqlBatchCommand Command(Guid portfolioId)
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string>("lockKey", Key(portfolioId)));
        return command;
    }

    private static string Key(Guid portfolioId) => $"pnl:{portfolioId}";
}
