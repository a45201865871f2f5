using Npgsql;
using SigmaSight.Service.Batches;

namespace SigmaSight.Service.Bench;

/// <summary>
/// What a P&amp;L day cost over a backfill's range: the mean time of a phase-3 ledger item (one portfolio-day, its own
/// transaction: <c>finished_at − started_at</c>) over the first tenth of the range's dates, the middle tenth and the
/// last tenth. Issue 10 asks that a day near the end cost at most 1.3 × one near the start: the cost of a day must not
/// grow with the history behind it.
/// </summary>
public sealed record PnlDayCost(int Dates, long Items, double FirstTenthMs, double MiddleTenthMs, double LastTenthMs)
{
    /// <summary>The last tenth's mean over the first tenth's.</summary>
    public double LastOverFirst => FirstTenthMs > 0 ? LastTenthMs / FirstTenthMs : 0;

    /// <summary>The figures of <paramref name="runId"/>'s succeeded P&amp;L items, or null when it has fewer than 10 dates.</summary>
    public static async Task<PnlDayCost?> ReadAsync(string connectionString, Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            WITH items AS (
                SELECT item_date, extract(epoch FROM finished_at - started_at) * 1000 AS ms
                  FROM sigmasight.batch_items
                 WHERE run_id = @run AND phase = @phase AND status = 'Succeeded' AND item_date IS NOT NULL
                   AND started_at IS NOT NULL AND finished_at IS NOT NULL),
            dates AS (SELECT item_date, ntile(10) OVER (ORDER BY item_date) AS tenth FROM (SELECT DISTINCT item_date FROM items) d)
            SELECT (SELECT count(*) FROM dates)::int, count(*),
                   avg(ms) FILTER (WHERE tenth = 1), avg(ms) FILTER (WHERE tenth = 5), avg(ms) FILTER (WHERE tenth = 10)
              FROM items JOIN dates USING (item_date)
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("phase", BatchPhases.Pnl);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var dates = reader.GetInt32(0);
        if (dates < 10 || reader.IsDBNull(2) || reader.IsDBNull(4)) return null;
        return new PnlDayCost(dates, reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4));
    }
}
