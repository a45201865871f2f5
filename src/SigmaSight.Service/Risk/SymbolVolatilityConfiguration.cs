using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Risk;

internal sealed class SymbolVolatilityConfiguration : IEntityTypeConfiguration<SymbolVolatility>
{
    public void Configure(EntityTypeBuilder<SymbolVolatility> builder)
    {
        builder.ToTable("symbol_volatility");
        builder.HasKey(v => new { v.Symbol, v.AsOf });
        builder.HasIndex(v => v.AsOf);
        builder.Property(v => v.RealizedVol21d).HasColumnName("realized_vol_21d");
        builder.Property(v => v.RealizedVol63d).HasColumnName("realized_vol_63d");
        builder.Property(v => v.ExpectedVol21d).HasColumnName("expected_vol_21d");
        builder.Property(v => v.Trend).HasMaxLength(20);
    }
}
