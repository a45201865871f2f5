namespace SigmaSight.Analytics.Options;

/// <summary>The right an option grants: to buy (call) or to sell (put) the underlying at the strike.</summary>
public enum OptionKind
{
    /// <summary>Right to buy; payoff at expiry max(S − K, 0).</summary>
    Call,

    /// <summary>Right to sell; payoff at expiry max(K − S, 0).</summary>
    Put,
}
