using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Batches;

internal sealed class DataQualityFindingConfiguration : IEntityTypeConfiguration<DataQualityFinding>
{
    public void Configure(EntityTypeBuilder<DataQualityFinding> builder)
    {
        builder.ToTable("data_quality_findings");
        // A finding is stored once per run: a duplicate delivery of a job writes nothing twice (issue 7, 1d).
        builder.HasIndex(f => new { f.RunId, f.Kind, f.BusinessDate, f.Symbol, f.PortfolioId, f.Detail }).IsUnique().AreNullsDistinct(false)
            .HasDatabaseName("ux_data_quality_findings_key");
        builder.HasIndex(f => new { f.Symbol, f.BusinessDate });
    }
}
