using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Persistence;

/// <summary>
/// EF Core's index for every foreign key, except the key from a lot's rows of a day (<c>position_values</c>,
/// <c>position_risk</c>) to the lot and its portfolio. Their unique key, portfolio and day first, finds a portfolio's
/// rows; only a deleted portfolio cascades through that key; and an index of its own would cost every row of every night
/// an insert (issue 10).
/// </summary>
internal sealed class LotKeyIndexConvention(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique,
        IConventionEntityTypeBuilder entityTypeBuilder)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        var type = entityTypeBuilder.Metadata.ClrType;
        var lotKey = (type == typeof(PositionValue) || type == typeof(PositionRisk))
            && properties.Select(p => p.Name).SequenceEqual([nameof(PositionValue.PortfolioId), nameof(PositionValue.PositionId)]);
        return lotKey ? null : base.CreateIndex(properties, unique, entityTypeBuilder);
    }
}
