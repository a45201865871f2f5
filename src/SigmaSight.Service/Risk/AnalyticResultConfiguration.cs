using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk;

internal sealed class AnalyticResultConfiguration : IEntityTypeConfiguration<AnalyticResult>
{
    public void Configure(EntityTypeBuilder<AnalyticResult> builder)
    {
        builder.ToTable("analytic_results", t => t.HasCheckConstraint("ck_analytic_results_status",
            $"status IN ('{AnalyticStatuses.Present}', '{AnalyticStatuses.NotApplicable}', " +
            $"'{AnalyticStatuses.InsufficientHistory}', '{AnalyticStatuses.Failed}')"));
        builder.HasKey(r => new { r.PortfolioId, r.AsOf, r.Family });
        builder.HasIndex(r => r.RunId);
        builder.Property(r => r.Family).HasMaxLength(50);
        builder.HasOne<Portfolio>().WithMany().HasForeignKey(r => r.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
