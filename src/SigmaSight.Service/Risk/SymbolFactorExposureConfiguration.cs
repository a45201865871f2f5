using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Risk;

internal sealed class SymbolFactorExposureConfiguration : IEntityTypeConfiguration<SymbolFactorExposure>
{
    public void Configure(EntityTypeBuilder<SymbolFactorExposure> builder)
    {
        builder.ToTable("symbol_factor_exposures");
        builder.HasKey(e => new { e.Symbol, e.Factor, e.AsOf });
        builder.HasIndex(e => new { e.AsOf, e.Factor });
        builder.HasOne<FactorDefinition>().WithMany().HasForeignKey(e => e.Factor).OnDelete(DeleteBehavior.Restrict);
    }
}
