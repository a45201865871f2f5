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
        builder.HasKey(e => new { e.PortfolioId, e.Factor, e.AsOf });
        builder.Property(e => e.ExposureDollar).HasPrecision(20, 2);
        builder.Property(e => e.MissingSymbols).HasJsonbConversion();
        builder.Property(e => e.PrivateSymbols).HasJsonbConversion();
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(e => e.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FactorDefinition>().WithMany().HasForeignKey(e => e.Factor).OnDelete(DeleteBehavior.Restrict);
    }
}
