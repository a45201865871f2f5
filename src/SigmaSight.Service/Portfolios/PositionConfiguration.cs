using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Portfolios;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("positions");
        builder.Property(p => p.Quantity).HasPrecision(20, 6);
        builder.Property(p => p.EntryPrice).HasPrecision(20, 6);
        builder.Property(p => p.ExitPrice).HasPrecision(20, 6);
        builder.Property(p => p.StrikePrice).HasPrecision(20, 6);
        // The lot with its portfolio: what position_values and position_risk refer to (and a portfolio's lots, by its prefix).
        builder.HasAlternateKey(p => new { p.PortfolioId, p.Id });
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(p => p.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
