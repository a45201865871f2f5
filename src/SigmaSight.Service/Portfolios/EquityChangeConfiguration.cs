using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Portfolios;

internal sealed class EquityChangeConfiguration : IEntityTypeConfiguration<EquityChange>
{
    public void Configure(EntityTypeBuilder<EquityChange> builder)
    {
        builder.ToTable("equity_changes", t => t.HasCheckConstraint("ck_equity_changes_amount_positive", "amount > 0"));
        builder.Property(e => e.Amount).HasPrecision(20, 2);
        builder.Ignore(e => e.SignedAmount);
        builder.HasIndex(e => new { e.PortfolioId, e.ChangeDate });
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(e => e.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
