namespace SigmaSight.Analytics.Pnl;

/// <summary>A revaluation of a private lot: value per unit from <paramref name="Date"/> on.</summary>
public sealed record PrivateValuation(Guid LotId, DateOnly Date, decimal ValuePerUnit);
