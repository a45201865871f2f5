using Npgsql;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Marks for rebuild each portfolio whose stored snapshots may have used a close the import replaced
/// (<see cref="RevisedCloseRebuilds"/>), and names them.
/// </summary>
internal static class PriceCorrections
{
    public static Task<List<PortfolioRebuild>> MarkAsync(NpgsqlConnection connection, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        PriceSql.QueryAsync(connection, $"""
            WITH {RevisedCloseRebuilds.Ctes(PriceMerge.Matched)}
            SELECT m.portfolio_id, p.name, m.from_date FROM marked m JOIN sigmasight.portfolios p ON p.id = m.portfolio_id
             ORDER BY p.name
            """, r => new PortfolioRebuild(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2)),
            cancellationToken, new NpgsqlParameter("now", now),
            new NpgsqlParameter("why", "a price import corrected closes it was valued with"));
}
