using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Risk;

internal sealed class FactorDefinitionConfiguration : IEntityTypeConfiguration<FactorDefinition>
{
    public void Configure(EntityTypeBuilder<FactorDefinition> builder)
    {
        builder.ToTable("factor_definitions");
        builder.HasKey(f => f.Name);
        builder.Property(f => f.Name).HasMaxLength(50);
    }
}
