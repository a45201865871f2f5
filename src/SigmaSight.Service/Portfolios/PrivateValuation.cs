namespace SigmaSight.Service.Portfolios;

/// <summary>A manual per-unit valuation of a private asset, in force from its date on.</summary>
public sealed class PrivateValuation
{
    public Guid Id { get; set; }
    public Guid PositionId { get; set; }
    public DateOnly ValuationDate { get; set; }
    public decimal Value { get; set; }
}
