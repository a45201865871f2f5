using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk.Reports;

/// <summary>Reads a <see cref="RiskReport"/>: the given day, or the latest day with analytics.</summary>
public sealed class RiskReportReader(SigmaSightDbContext db)
{
    /// <returns>The report; null when the portfolio has no analytics on that day (or none at all).</returns>
    public async Task<RiskReport?> ReadAsync(Guid portfolioId, DateOnly? date, CancellationToken cancellationToken)
    {
        var asOf = date ?? await db.AnalyticResults.Where(r => r.PortfolioId == portfolioId).MaxAsync(r => (DateOnly?)r.AsOf, cancellationToken)
            .ConfigureAwait(false);
        if (asOf is not { } day) return null;
        var families = await db.AnalyticResults.AsNoTracking().Where(r => r.PortfolioId == portfolioId && r.AsOf == day)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (families.Count == 0) return null;
        var name = await db.Portfolios.Where(p => p.Id == portfolioId).Select(p => p.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var s = await db.PortfolioSnapshots.AsNoTracking().SingleAsync(x => x.PortfolioId == portfolioId && x.SnapshotDate == day, cancellationToken)
            .ConfigureAwait(false);
        var order = await db.FactorDefinitions.ToDictionaryAsync(f => f.Name, f => f.DisplayOrder, cancellationToken).ConfigureAwait(false);
        var exposures = await db.PortfolioFactorExposures.AsNoTracking().Where(e => e.PortfolioId == portfolioId && e.AsOf == day)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var correlation = await db.CorrelationResults.AsNoTracking().Where(c => c.PortfolioId == portfolioId && c.AsOf == day)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var stress = await db.StressResults.AsNoTracking().Where(r => r.PortfolioId == portfolioId && r.AsOf == day)
            .Join(db.StressScenarios, r => r.ScenarioId, sc => sc.ScenarioId, (r, sc) => new { r, sc })
            .OrderBy(x => x.sc.DisplayOrder).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sectors = await db.PortfolioSectorExposures.AsNoTracking().Where(x => x.PortfolioId == portfolioId && x.AsOf == day)
            .OrderByDescending(x => x.GrossWeight).ToListAsync(cancellationToken).ConfigureAwait(false);
        var positions = await db.PositionRisks.AsNoTracking().Where(r => r.PortfolioId == portfolioId && r.AsOf == day)
            .Join(db.Positions, r => r.PositionId, p => p.Id, (r, p) => new { r, p.Symbol })
            .OrderBy(x => x.Symbol).ToListAsync(cancellationToken).ConfigureAwait(false);

        return new RiskReport(portfolioId, name, day, s.EquityBalance,
            [.. Portfolios.RiskFamilies.All.Select(f => families.FirstOrDefault(r => r.Family == f) is { } r
                ? new FamilyStatus(f, r.Status, r.Reason) : new FamilyStatus(f, "missing", "no analytic_results row"))],
            new RiskSummary(s.Beta90d, s.RealizedVol21d, s.RealizedVol63d, s.ExpectedVol21d, s.VolatilityTrend, s.VolatilityPercentile,
                s.SnapshotRealizedVol21d, s.SnapshotRealizedVol63d, s.SnapshotVolatilityReason, s.Var95, s.Var99, s.Es95, s.Es99, s.ParametricVar95, s.ParametricVar99, s.ParametricEs95, s.ParametricEs99,
                s.Hhi, s.EffectiveNumPositions, s.Top3Concentration, s.Top10Concentration),
            [.. exposures.OrderBy(e => order.GetValueOrDefault(e.Factor, int.MaxValue))
                .Select(e => new FactorExposureView(e.Factor, e.Exposure, e.ExposureDollar, e.Coverage, e.MissingSymbols))],
            correlation is null ? null : new CorrelationView(correlation.WindowDays, correlation.Observations, correlation.OverallCorrelation,
                correlation.EffectivePositions, correlation.Symbols, correlation.Matrix),
            [.. stress.Select(x => new StressView(x.r.ScenarioId, x.sc.Name, x.sc.Category, x.r.DirectPnl, x.r.CorrelatedPnl,
                x.r.CorrelationEffect, x.r.FactorImpacts))],
            [.. sectors.Select(x => new SectorView(x.Sector, x.MarketValue, x.NetWeight, x.GrossWeight, x.BenchmarkWeight))],
            [.. positions.Select(x => new PositionRiskView(x.Symbol, x.r.Price, x.r.MarketBeta, x.r.RealizedVol21d, x.r.RealizedVol63d,
                x.r.ExpectedVol21d, x.r.Delta, x.r.Gamma, x.r.Theta, x.r.Vega, x.r.DeltaAdjustedExposure))]);
    }
}
