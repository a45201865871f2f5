using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Pnl;

internal sealed class PositionValueConfiguration : IEntityTypeConfiguration<PositionValue>
{
    public void Configure(EntityTypeBuilder<PositionValue> builder)
    {
        builder.ToTable("position_values");
        builder.HasIndex(v => new { v.PositionId, v.ValueDate }).IsUnique();
        builder.HasIndex(v => new { v.PortfolioId, v.ValueDate });
        builder.Property(v => v.Price).HasPrecision(20, 6);
        builder.Property(v => v.MarketValue).HasPrecision(20, 2);
        builder.Property(v => v.UnrealizedPnl).HasPrecision(20, 2);
        builder.HasOne<Portfolios.Position>().WithMany().HasForeignKey(v => v.PositionId).OnDelete(DeleteBehavior.Cascade);
    }
}
