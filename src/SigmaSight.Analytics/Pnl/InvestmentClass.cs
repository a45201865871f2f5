namespace SigmaSight.Analytics.Pnl;

/// <summary>How a lot is priced (database codes PUBLIC OPTIONS PRIVATE).</summary>
public enum InvestmentClass
{
    /// <summary>Listed security valued at its close (stale rule applies).</summary>
    Public,

    /// <summary>Listed option valued by Black–Scholes on its underlying's close.</summary>
    Options,

    /// <summary>Private asset valued at its latest private valuation, else its entry price.</summary>
    Private,
}
