namespace SigmaSight.Service.Portfolios;

/// <summary>The two kinds of capital flow.</summary>
public static class EquityChangeTypes
{
    public const string Contribution = "CONTRIBUTION";
    public const string Withdrawal = "WITHDRAWAL";
}
