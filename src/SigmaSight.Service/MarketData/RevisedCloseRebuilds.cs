namespace SigmaSight.Service.MarketData;

/// <summary>
/// Marks for rebuild (<c>snapshot_rebuilds</c>) each portfolio whose stored snapshots may have used a close that was
/// replaced, by a price import or by a provider that revised it: a public lot open on the revised day (valued at that
/// close, or carried stale from it), or an option on the symbol open within about 63 trading days after it (the close
/// is in its volatility window, and it is the underlying's close on that day). The rebuild starts at the revised day,
/// or the lot's entry if later; the next run that reaches the portfolio's latest snapshot does it.
/// </summary>
internal static class RevisedCloseRebuilds
{
    /// <summary>Calendar days that hold the 63 returns of an option's volatility window, with margin.</summary>
    private const int VolatilityWindowDays = 100;

    /// <summary>
    /// The CTEs <c>affected</c> and <c>marked</c> (its rows: portfolio_id, from_date) over the relation
    /// <paramref name="changed"/> (symbol, date, old_close, new_close); the rebuild's reason is the text the statement
    /// binds as <c>@why</c>, and the first symbol. The statement binds <c>@now</c> too.
    /// </summary>
    public static string Ctes(string changed) => $"""
        affected AS (
            SELECT x.portfolio_id, min(greatest(c.date, x.entry_date)) AS from_date, min(c.symbol) AS symbol
              FROM {changed} c
              JOIN sigmasight.positions x
                ON c.symbol = CASE WHEN x.investment_class = 'OPTIONS' THEN coalesce(x.underlying_symbol, x.symbol) ELSE x.symbol END
             WHERE c.old_close <> c.new_close AND x.investment_class <> 'PRIVATE'
               AND (x.exit_date IS NULL OR x.exit_date >= c.date)
               AND x.entry_date <= CASE WHEN x.investment_class = 'OPTIONS' THEN c.date + {VolatilityWindowDays} ELSE c.date END
             GROUP BY x.portfolio_id),
        marked AS (
            INSERT INTO sigmasight.snapshot_rebuilds AS r (portfolio_id, from_date, reason, requested_at)
            SELECT a.portfolio_id, a.from_date, @why || ' (first: ' || a.symbol || ')', @now
              FROM affected a
             WHERE EXISTS (SELECT 1 FROM sigmasight.portfolio_snapshots s
                            WHERE s.portfolio_id = a.portfolio_id AND s.snapshot_date >= a.from_date)
            ON CONFLICT (portfolio_id) DO UPDATE SET from_date = least(r.from_date, EXCLUDED.from_date),
                   reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at
            RETURNING r.portfolio_id, r.from_date)
        """;
}
