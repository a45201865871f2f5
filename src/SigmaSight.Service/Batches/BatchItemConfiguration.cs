using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Batches;

internal sealed class BatchItemConfiguration : IEntityTypeConfiguration<BatchItem>
{
    public void Configure(EntityTypeBuilder<BatchItem> builder)
    {
        builder.ToTable("batch_items");
        builder.HasKey(i => new { i.RunId, i.Phase, i.ItemKey });
        builder.Property(i => i.Status).HasConversion<string>();
        builder.HasIndex(i => i.HangfireJobId);
        builder.HasIndex(i => new { i.PortfolioId, i.Status });
        builder.HasOne<BatchRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
