using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Portfolios;

internal sealed class PortfolioConfiguration : IEntityTypeConfiguration<Portfolio>
{
    public void Configure(EntityTypeBuilder<Portfolio> builder)
    {
        builder.ToTable("portfolios");
        builder.Property(p => p.EquityBalance).HasPrecision(20, 2);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
