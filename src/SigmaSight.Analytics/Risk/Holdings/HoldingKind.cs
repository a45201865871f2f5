namespace SigmaSight.Analytics.Risk.Holdings;

/// <summary>What a holding is, for the risk kernels (decides its sector bucket and whether it has returns).</summary>
public enum HoldingKind
{
    /// <summary>A single listed stock; bucketed under its GICS sector; part of the equity sleeve.</summary>
    Stock,

    /// <summary>A listed fund (ETF or mutual fund, priced daily); bucket "ETF".</summary>
    Etf,

    /// <summary>A listed option; risk through its underlying (delta-adjusted); bucket "Options".</summary>
    Option,

    /// <summary>A private asset held at appraisal: no returns, no betas; bucket "Private".</summary>
    Private,
}
