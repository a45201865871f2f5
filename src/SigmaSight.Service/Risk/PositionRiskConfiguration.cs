using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class PositionRiskConfiguration : IEntityTypeConfiguration<PositionRisk>
{
    public void Configure(EntityTypeBuilder<PositionRisk> builder)
    {
        builder.ToTable("position_risk");
        builder.HasKey(r => new { r.PositionId, r.AsOf });
        builder.HasIndex(r => new { r.PortfolioId, r.AsOf });
        builder.Property(r => r.RealizedVol21d).HasColumnName("realized_vol_21d");
        builder.Property(r => r.RealizedVol63d).HasColumnName("realized_vol_63d");
        builder.Property(r => r.ExpectedVol21d).HasColumnName("expected_vol_21d");
        builder.Property(r => r.Price).HasPrecision(20, 6);
        builder.Property(r => r.DeltaAdjustedExposure).HasPrecision(20, 2);
        builder.HasOne<Position>().WithMany().HasForeignKey(r => r.PositionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(r => r.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
