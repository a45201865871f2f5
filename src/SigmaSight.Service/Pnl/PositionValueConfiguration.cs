using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Pnl;

internal sealed class PositionValueConfiguration : IEntityTypeConfiguration<PositionValue>
{
    public void Configure(EntityTypeBuilder<PositionValue> builder)
    {
        builder.ToTable("position_values");
        // Keyed by portfolio and day first, so a job's rows of a day go to one place in the index, next to each other,
        // whatever the ids of its lots (issue 10); unique per lot and day all the same, since a lot has one portfolio.
        builder.HasIndex(v => new { v.PortfolioId, v.ValueDate, v.PositionId }).IsUnique();
        builder.Property(v => v.Price).HasPrecision(20, 6);
        builder.Property(v => v.MarketValue).HasPrecision(20, 2);
        builder.Property(v => v.UnrealizedPnl).HasPrecision(20, 2);
        builder.HasOne<Portfolios.Position>().WithMany().HasForeignKey(v => new { v.PortfolioId, v.PositionId })
            .HasPrincipalKey(p => new { p.PortfolioId, p.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}
