using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Portfolios;

internal sealed class PrivateValuationConfiguration : IEntityTypeConfiguration<PrivateValuation>
{
    public void Configure(EntityTypeBuilder<PrivateValuation> builder)
    {
        builder.ToTable("private_valuations");
        builder.Property(v => v.Value).HasPrecision(20, 6);
        builder.HasIndex(v => new { v.PositionId, v.ValuationDate }).IsUnique();
        builder.HasOne<Position>().WithMany().HasForeignKey(v => v.PositionId).OnDelete(DeleteBehavior.Cascade);
    }
}
