using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Writes security reference data with one set-based upsert on symbol: new symbols are inserted, changed rows
/// updated (a provider's reclassification, or a row an older catalog wrote), unchanged rows not rewritten.
/// </summary>
public static class SecurityUpserter
{
    public static Task<int> UpsertAsync(SigmaSightDbContext db, IReadOnlyCollection<SecurityReference> securities,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(securities);
        if (securities.Count == 0) return Task.FromResult(0);
        return db.Database.ExecuteSqlRawAsync("""
            INSERT INTO sigmasight.securities (symbol, name, asset_type, sector, industry)
            SELECT * FROM unnest(@symbols, @names, @types, @sectors, @industries)
            ON CONFLICT (symbol) DO UPDATE SET name = EXCLUDED.name, asset_type = EXCLUDED.asset_type,
                   sector = EXCLUDED.sector, industry = EXCLUDED.industry
             WHERE (securities.name, securities.asset_type, securities.sector, securities.industry)
                   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.asset_type, EXCLUDED.sector, EXCLUDED.industry)
            """,
            [
                new NpgsqlParameter("symbols", securities.Select(s => s.Symbol).ToArray()),
                new NpgsqlParameter("names", securities.Select(s => s.Name).ToArray()),
                new NpgsqlParameter("types", securities.Select(s => s.AssetType).ToArray()),
                new NpgsqlParameter("sectors", securities.Select(s => s.Sector).ToArray()),
                new NpgsqlParameter("industries", securities.Select(s => s.Industry).ToArray()),
            ], cancellationToken);
    }
}
