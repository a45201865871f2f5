using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.MarketData;

internal sealed class PriceConfiguration : IEntityTypeConfiguration<Price>
{
    public void Configure(EntityTypeBuilder<Price> builder)
    {
        builder.ToTable("prices", t => t.HasCheckConstraint("ck_prices_close_positive", "close > 0"));
        builder.HasKey(p => new { p.Symbol, p.Date });
        builder.Property(p => p.Close).HasPrecision(20, 6);
        builder.Property(p => p.Open).HasPrecision(20, 6);
        builder.Property(p => p.High).HasPrecision(20, 6);
        builder.Property(p => p.Low).HasPrecision(20, 6);
    }
}
