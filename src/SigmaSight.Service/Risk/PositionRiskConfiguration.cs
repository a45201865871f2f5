using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class PositionRiskConfiguration : IEntityTypeConfiguration<PositionRisk>
{
    public void Configure(EntityTypeBuilder<PositionRisk> builder)
    {
        builder.ToTable("position_risk");
        // Keyed by portfolio and day first, as position_values is (issue 10).
        builder.HasKey(r => new { r.PortfolioId, r.AsOf, r.PositionId });
        builder.Property(r => r.RealizedVol21d).HasColumnName("realized_vol_21d");
        builder.Property(r => r.RealizedVol63d).HasColumnName("realized_vol_63d");
        builder.Property(r => r.ExpectedVol21d).HasColumnName("expected_vol_21d");
        builder.Property(r => r.Price).HasPrecision(20, 6);
        builder.Property(r => r.DeltaAdjustedExposure).HasPrecision(20, 2);
        // One key to the lot and its portfolio: a deleted portfolio's rows go with its lots.
        builder.HasOne<Position>().WithMany().HasForeignKey(r => new { r.PortfolioId, r.PositionId })
            .HasPrincipalKey(p => new { p.PortfolioId, p.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}
