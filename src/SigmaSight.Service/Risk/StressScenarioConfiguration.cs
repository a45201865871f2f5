using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk;

internal sealed class StressScenarioConfiguration : IEntityTypeConfiguration<StressScenario>
{
    public void Configure(EntityTypeBuilder<StressScenario> builder)
    {
        builder.ToTable("stress_scenarios");
        builder.HasKey(s => s.ScenarioId);
        builder.Property(s => s.ScenarioId).HasMaxLength(50);
        builder.Property(s => s.Shocks).HasJsonbConversion();
        builder.Property(s => s.FactorMapping).HasJsonbConversion();
    }
}
