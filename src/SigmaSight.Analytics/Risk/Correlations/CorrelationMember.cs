namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>A symbol in a portfolio's correlation matrix, with its lots merged.</summary>
/// <param name="Symbol">Risk symbol (an option's underlying).</param>
/// <param name="Value">Signed exposure value of all its lots in currency (options delta-adjusted).</param>
public sealed record CorrelationMember(string Symbol, decimal Value);
