using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Pnl;

internal sealed class PortfolioSnapshotConfiguration : IEntityTypeConfiguration<PortfolioSnapshot>
{
    public void Configure(EntityTypeBuilder<PortfolioSnapshot> builder)
    {
        builder.ToTable("portfolio_snapshots");
        builder.HasIndex(s => new { s.PortfolioId, s.SnapshotDate }).IsUnique();
        builder.HasIndex(s => s.RunId);
        foreach (var money in new[] { "EquityBalance", "CashValue", "DailyPnl", "CumulativePnl", "DailyRealizedPnl",
                     "CumulativeRealizedPnl", "DailyCapitalFlow", "CumulativeCapitalFlow", "LongValue", "ShortValue",
                     "GrossExposure", "NetExposure" })
            builder.Property(money).HasPrecision(20, 2);
        builder.Property(s => s.DailyReturn).HasPrecision(20, 10);
        builder.HasOne<Portfolios.Portfolio>().WithMany().HasForeignKey(s => s.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
