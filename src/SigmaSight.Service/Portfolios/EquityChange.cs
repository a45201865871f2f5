namespace SigmaSight.Service.Portfolios;

/// <summary>A capital flow: CONTRIBUTION or WITHDRAWAL of a positive amount, booked at the end of its day.</summary>
public sealed class EquityChange
{
    public Guid Id { get; set; }
    public Guid PortfolioId { get; set; }
    public DateOnly ChangeDate { get; set; }
    public required string ChangeType { get; set; }
    public decimal Amount { get; set; }

    /// <summary>The flow's effect on cash: +amount for a contribution, −amount for a withdrawal.</summary>
    public decimal SignedAmount => ChangeType == EquityChangeTypes.Withdrawal ? -Amount : Amount;
}
