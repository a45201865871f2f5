using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Batches;

internal sealed class BatchPhaseConfiguration : IEntityTypeConfiguration<BatchPhase>
{
    public void Configure(EntityTypeBuilder<BatchPhase> builder)
    {
        builder.ToTable("batch_phases");
        builder.HasKey(p => new { p.RunId, p.Phase });
        builder.Property(p => p.Status).HasConversion<string>();
        builder.HasOne<BatchRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
