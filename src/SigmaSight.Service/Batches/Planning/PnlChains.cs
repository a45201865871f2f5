using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Where each portfolio's P&amp;L chain of a run stands, for the phase-4 starter: the Hangfire job of its last day and
/// whether every day of it succeeded. One pass over the run's phase-3 items (issue 10). The grouped LINQ that read this
/// before ran two subqueries per portfolio, each over the run's whole phase and the portfolio's items of every earlier
/// run, so the step from phase 3 to phase 4 grew with the square of the portfolios and with the ledger's history
/// (10,000 portfolios with 60 nights behind them: 55 s in one statement).
/// </summary>
internal static class PnlChains
{
    /// <summary>The read, with <c>@run</c> and <c>@phase</c>; bounded by the run's own items of the phase (its key's prefix).</summary>
    internal const string Sql = """
        SELECT portfolio_id AS portfolio, (array_agg(hangfire_job_id ORDER BY item_date DESC))[1] AS last_job_id,
               bool_and(status = 'Succeeded') AS succeeded
          FROM sigmasight.batch_items
         WHERE run_id = @run AND phase = @phase AND portfolio_id IS NOT NULL
         GROUP BY portfolio_id
        """;

    public static Task<Dictionary<Guid, Chain>> ReadAsync(SigmaSightDbContext db, Guid runId, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<Chain>(Sql, new NpgsqlParameter<Guid>("run", runId), new NpgsqlParameter<int>("phase", BatchPhases.Pnl))
            .ToDictionaryAsync(c => c.Portfolio, cancellationToken);

    /// <summary>A chain: its last day's job (null while the P&amp;L starter has not recorded it) and whether it all succeeded.</summary>
    internal sealed record Chain(Guid Portfolio, string? LastJobId, bool Succeeded);
}
