using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class PortfolioSectorExposureConfiguration : IEntityTypeConfiguration<PortfolioSectorExposure>
{
    public void Configure(EntityTypeBuilder<PortfolioSectorExposure> builder)
    {
        builder.ToTable("portfolio_sector_exposures");
        builder.HasKey(e => new { e.PortfolioId, e.AsOf, e.Sector });
        builder.Property(e => e.MarketValue).HasPrecision(20, 2);
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(e => e.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
