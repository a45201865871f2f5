using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Batches;

internal sealed class BatchRunConfiguration : IEntityTypeConfiguration<BatchRun>
{
    public void Configure(EntityTypeBuilder<BatchRun> builder)
    {
        builder.ToTable("batch_runs");
        builder.Property(r => r.Kind).HasConversion<string>();
        builder.Property(r => r.Status).HasConversion<string>();
        builder.HasIndex(r => r.BusinessDate).IsUnique()
            .HasFilter("kind = 'Nightly' AND superseded_by IS NULL").HasDatabaseName("ux_batch_runs_nightly_date");
        builder.HasIndex(r => new { r.Kind, r.Scope, r.RangeFrom, r.RangeTo }).IsUnique()
            .HasFilter("superseded_by IS NULL").HasDatabaseName("ux_batch_runs_live_range");
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.AnalyticsAllDates).HasDefaultValue(false);
    }
}
