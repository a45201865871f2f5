using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Risk;

internal sealed class SectorBenchmarkWeightConfiguration : IEntityTypeConfiguration<SectorBenchmarkWeight>
{
    public void Configure(EntityTypeBuilder<SectorBenchmarkWeight> builder)
    {
        builder.ToTable("sector_benchmark_weights",
            t => t.HasCheckConstraint("ck_sector_benchmark_weights_weight_fraction", "weight >= 0 AND weight <= 1"));
        builder.HasKey(w => new { w.Benchmark, w.AsOf, w.Sector });
    }
}
