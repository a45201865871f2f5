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
        builder.HasIndex(p => p.PortfolioId);
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(p => p.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
