using Npgsql;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Marks for rebuild (<c>snapshot_rebuilds</c>) each portfolio whose stored snapshots may have used a close the
/// import replaced: a public lot open on the corrected day (valued at that close, or carried stale from it), or an
/// option on the symbol open within about 63 trading days after it (the close is in its volatility window, and it
/// is the underlying's close on that day). The rebuild starts at the corrected day, or the lot's entry if later.
/// </summary>
internal static class PriceCorrections
{
    /// <summary>Calendar days that hold the 63 returns of an option's volatility window, with margin.</summary>
    private const int VolatilityWindowDays = 100;

    public static Task<List<PortfolioRebuild>> MarkAsync(NpgsqlConnection connection, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        PriceSql.QueryAsync(connection, $"""
            WITH affected AS (
                SELECT x.portfolio_id, min(greatest(c.date, x.entry_date)) AS from_date, min(c.symbol) AS symbol
                  FROM {PriceMerge.Matched} c
                  JOIN sigmasight.positions x
                    ON c.symbol = CASE WHEN x.investment_class = 'OPTIONS' THEN coalesce(x.underlying_symbol, x.symbol) ELSE x.symbol END
                 WHERE c.old_close <> c.new_close AND x.investment_class <> 'PRIVATE'
                   AND (x.exit_date IS NULL OR x.exit_date >= c.date)
                   AND x.entry_date <= CASE WHEN x.investment_class = 'OPTIONS' THEN c.date + {VolatilityWindowDays} ELSE c.date END
                 GROUP BY x.portfolio_id),
            marked AS (
                INSERT INTO sigmasight.snapshot_rebuilds AS r (portfolio_id, from_date, reason, requested_at)
                SELECT a.portfolio_id, a.from_date, 'a price import corrected closes it was valued with (first: ' || a.symbol || ')', @now
                  FROM affected a
                 WHERE EXISTS (SELECT 1 FROM sigmasight.portfolio_snapshots s
                                WHERE s.portfolio_id = a.portfolio_id AND s.snapshot_date >= a.from_date)
                ON CONFLICT (portfolio_id) DO UPDATE SET from_date = least(r.from_date, EXCLUDED.from_date),
                       reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at
                RETURNING r.portfolio_id, r.from_date)
            SELECT m.portfolio_id, p.name, m.from_date FROM marked m JOIN sigmasight.portfolios p ON p.id = m.portfolio_id
             ORDER BY p.name
            """, r => new PortfolioRebuild(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2)),
            cancellationToken, new NpgsqlParameter("now", now));
}
