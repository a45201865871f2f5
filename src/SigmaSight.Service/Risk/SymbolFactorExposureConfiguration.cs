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
        // A risk job reads its held symbols' exposures of one day: through the key (symbol first) that scans every
        // factor of every stored day of each symbol, a cost that grows with history (issue 10).
        builder.HasIndex(e => new { e.AsOf, e.Symbol });
        builder.HasOne<FactorDefinition>().WithMany().HasForeignKey(e => e.Factor).OnDelete(DeleteBehavior.Restrict);
    }
}
