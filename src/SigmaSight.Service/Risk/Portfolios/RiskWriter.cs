using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>Replaces a portfolio's phase-4 rows of one day (a retry or re-run rewrites, never duplicates).</summary>
public static class RiskWriter
{
    public static async Task WriteAsync(SigmaSightDbContext db, Guid portfolioId, DateOnly date, RiskFigures figures,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(figures);
        await DeleteAsync(db, portfolioId, date, cancellationToken).ConfigureAwait(false);
        db.PortfolioFactorExposures.AddRange(figures.FactorExposures);
        db.CorrelationResults.AddRange(figures.Correlations);
        db.StressResults.AddRange(figures.Stress);
        db.PortfolioSectorExposures.AddRange(figures.Sectors);
        db.PositionRisks.AddRange(figures.Positions.Values);
        db.AnalyticResults.AddRange(figures.Families);
        var snapshot = await db.PortfolioSnapshots.SingleAsync(s => s.PortfolioId == portfolioId && s.SnapshotDate == date, cancellationToken)
            .ConfigureAwait(false);
        foreach (var set in figures.SnapshotColumns) set(snapshot);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a portfolio's phase-4 rows from <paramref name="from"/> on (to <paramref name="from"/> only when <paramref name="onlyThatDay"/>).</summary>
    public static async Task DeleteAsync(SigmaSightDbContext db, Guid portfolioId, DateOnly from, CancellationToken cancellationToken,
        bool onlyThatDay = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        var to = onlyThatDay ? from : DateOnly.MaxValue;
        await db.PortfolioFactorExposures.Where(r => r.PortfolioId == portfolioId && r.AsOf >= from && r.AsOf <= to).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.CorrelationResults.Where(r => r.PortfolioId == portfolioId && r.AsOf >= from && r.AsOf <= to).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.StressResults.Where(r => r.PortfolioId == portfolioId && r.AsOf >= from && r.AsOf <= to).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.PortfolioSectorExposures.Where(r => r.PortfolioId == portfolioId && r.AsOf >= from && r.AsOf <= to).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.PositionRisks.Where(r => r.PortfolioId == portfolioId && r.AsOf >= from && r.AsOf <= to).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.AnalyticResults.Where(r => r.PortfolioId == portfolioId && r.AsOf >= from && r.AsOf <= to).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
