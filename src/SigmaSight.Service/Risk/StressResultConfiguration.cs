using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class StressResultConfiguration : IEntityTypeConfiguration<StressResult>
{
    public void Configure(EntityTypeBuilder<StressResult> builder)
    {
        builder.ToTable("stress_results");
        // Portfolio and day first: the job's delete and the risk report read one day's rows without scanning the portfolio's history.
        builder.HasKey(r => new { r.PortfolioId, r.AsOf, r.ScenarioId });
        builder.HasIndex(r => new { r.ScenarioId, r.AsOf });
        builder.Property(r => r.DirectPnl).HasPrecision(20, 2);
        builder.Property(r => r.CorrelatedPnl).HasPrecision(20, 2);
        builder.Property(r => r.CorrelationEffect).HasPrecision(20, 2);
        builder.Property(r => r.FactorImpacts).HasJsonbConversion();
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(r => r.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StressScenario>().WithMany().HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.Restrict);
    }
}
