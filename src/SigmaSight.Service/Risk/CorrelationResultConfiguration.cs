using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class CorrelationResultConfiguration : IEntityTypeConfiguration<CorrelationResult>
{
    public void Configure(EntityTypeBuilder<CorrelationResult> builder)
    {
        builder.ToTable("correlation_results");
        builder.HasKey(c => new { c.PortfolioId, c.AsOf, c.WindowDays });
        builder.Property(c => c.Symbols).HasJsonbConversion();
        builder.Property(c => c.Matrix).HasJsonbConversion();
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(c => c.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
