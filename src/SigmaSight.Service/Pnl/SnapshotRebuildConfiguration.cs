using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Pnl;

internal sealed class SnapshotRebuildConfiguration : IEntityTypeConfiguration<SnapshotRebuild>
{
    public void Configure(EntityTypeBuilder<SnapshotRebuild> builder)
    {
        builder.ToTable("snapshot_rebuilds");
        builder.HasKey(r => r.PortfolioId);
        builder.HasOne<Portfolios.Portfolio>().WithMany().HasForeignKey(r => r.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
