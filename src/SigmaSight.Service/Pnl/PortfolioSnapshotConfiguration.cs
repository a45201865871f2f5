using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Pnl;

internal sealed class PortfolioSnapshotConfiguration : IEntityTypeConfiguration<PortfolioSnapshot>
{
    public void Configure(EntityTypeBuilder<PortfolioSnapshot> builder)
    {
        builder.ToTable("portfolio_snapshots");
        builder.HasIndex(s => new { s.PortfolioId, s.SnapshotDate }).IsUnique();
        builder.HasIndex(s => s.RunId);
        foreach (var money in new[] { "EquityBalance", "CashValue", "DailyPnl", "CumulativePnl", "DailyRealizedPnl",
                     "CumulativeRealizedPnl", "DailyCapitalFlow", "CumulativeCapitalFlow", "LongValue", "ShortValue",
                     "GrossExposure", "NetExposure" })
            builder.Property(money).HasPrecision(20, 2);
        builder.Property(s => s.DailyReturn).HasPrecision(20, 10);
        ConfigureRiskColumns(builder);
        builder.HasOne<Portfolios.Portfolio>().WithMany().HasForeignKey(s => s.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureRiskColumns(EntityTypeBuilder<PortfolioSnapshot> builder)
    {
        builder.Property(s => s.Beta90d).HasColumnName("beta_90d");
        builder.Property(s => s.RealizedVol21d).HasColumnName("realized_vol_21d");
        builder.Property(s => s.RealizedVol63d).HasColumnName("realized_vol_63d");
        builder.Property(s => s.ExpectedVol21d).HasColumnName("expected_vol_21d");
        builder.Property(s => s.VolatilityTrend).HasMaxLength(20);
        builder.Property(s => s.SnapshotRealizedVol21d).HasColumnName("snapshot_realized_vol_21d");
        builder.Property(s => s.SnapshotRealizedVol63d).HasColumnName("snapshot_realized_vol_63d");
        builder.Property(s => s.Var95).HasColumnName("var_95").HasPrecision(20, 2);
        builder.Property(s => s.Var99).HasColumnName("var_99").HasPrecision(20, 2);
        builder.Property(s => s.Es95).HasColumnName("es_95").HasPrecision(20, 2);
        builder.Property(s => s.Es99).HasColumnName("es_99").HasPrecision(20, 2);
        builder.Property(s => s.ParametricVar95).HasColumnName("parametric_var_95").HasPrecision(20, 2);
        builder.Property(s => s.ParametricVar99).HasColumnName("parametric_var_99").HasPrecision(20, 2);
        builder.Property(s => s.ParametricEs95).HasColumnName("parametric_es_95").HasPrecision(20, 2);
        builder.Property(s => s.ParametricEs99).HasColumnName("parametric_es_99").HasPrecision(20, 2);
        builder.Property(s => s.Top3Concentration).HasColumnName("top_3_concentration");
        builder.Property(s => s.Top10Concentration).HasColumnName("top_10_concentration");
    }
}
