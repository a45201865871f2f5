using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.MarketData;

internal sealed class MarketClosureConfiguration : IEntityTypeConfiguration<MarketClosure>
{
    public void Configure(EntityTypeBuilder<MarketClosure> builder)
    {
        builder.ToTable("market_closures");
        builder.HasKey(c => c.Date);
    }
}
