using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class PortfolioFactorExposureConfiguration : IEntityTypeConfiguration<PortfolioFactorExposure>
{
    public void Configure(EntityTypeBuilder<PortfolioFactorExposure> builder)
    {
        builder.ToTable("portfolio_factor_exposures");
        // Portfolio and day first: the job's delete and the risk report read one day's rows without scanning the portfolio's history.
        builder.HasKey(e => new { e.PortfolioId, e.AsOf, e.Factor });
        builder.Property(e => e.ExposureDollar).HasPrecision(20, 2);
        builder.Property(e => e.MissingSymbols).HasJsonbConversion();
        builder.Property(e => e.PrivateSymbols).HasJsonbConversion();
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(e => e.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FactorDefinition>().WithMany().HasForeignKey(e => e.Factor).OnDelete(DeleteBehavior.Restrict);
    }
}
