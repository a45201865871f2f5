using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Inserts data-quality findings in one statement, keeping the one already stored for the same (run, kind, day,
/// symbol, portfolio, detail): a job delivered twice records each finding once (issue 7, 1d).
/// </summary>
public static class FindingWriter
{
    /// <summary>Returns how many findings were new.</summary>
    public static Task<int> AddAsync(SigmaSightDbContext db, IReadOnlyList<DataQualityFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0) return Task.FromResult(0);
        return db.Database.ExecuteSqlRawAsync("""
            INSERT INTO sigmasight.data_quality_findings (run_id, business_date, symbol, portfolio_id, kind, severity, detail, created_at)
            SELECT * FROM unnest(@runs, @dates, @symbols, @portfolios, @kinds, @severities, @details, @created)
            ON CONFLICT (run_id, kind, business_date, symbol, portfolio_id, detail) DO NOTHING

            """,
            [
                new NpgsqlParameter("runs", findings.Select(f => f.RunId).ToArray()),
                new NpgsqlParameter("dates", findings.Select(f => f.BusinessDate).ToArray()),
                new NpgsqlParameter("symbols", findings.Select(f => f.Symbol).ToArray()),
                new NpgsqlParameter("portfolios", findings.Select(f => f.PortfolioId).ToArray()),
                new NpgsqlParameter("kinds", findings.Select(f => f.Kind).ToArray()),
                new NpgsqlParameter("severities", findings.Select(f => f.Severity).ToArray()),
                new NpgsqlParameter("details", findings.Select(f => f.Detail).ToArray()),
                new NpgsqlParameter("created", findings.Select(f => f.CreatedAt).ToArray()),
            ], cancellationToken);
    }
}
