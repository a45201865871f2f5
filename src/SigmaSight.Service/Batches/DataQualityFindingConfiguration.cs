using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Batches;

internal sealed class DataQualityFindingConfiguration : IEntityTypeConfiguration<DataQualityFinding>
{
    public void Configure(EntityTypeBuilder<DataQualityFinding> builder)
    {
        builder.ToTable("data_quality_findings");
        builder.HasIndex(f => new { f.RunId, f.Kind });
        builder.HasIndex(f => new { f.Symbol, f.BusinessDate });
    }
}
