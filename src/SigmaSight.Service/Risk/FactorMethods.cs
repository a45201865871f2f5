namespace SigmaSight.Service.Risk;

/// <summary>How a factor's symbol betas are estimated (<see cref="FactorDefinition.Method"/>).</summary>
public static class FactorMethods
{
    /// <summary>OLS with intercept against the proxy's returns (market beta vs SPY, IR beta vs TLT).</summary>
    public const string RollingRegression = "rolling_regression";

    /// <summary>A vendor-reported beta; no provider of this service supplies one.</summary>
    public const string ProviderData = "provider_data";

    /// <summary>Ridge on the six style ETFs' returns together.</summary>
    public const string RidgeRegression = "ridge_regression";

    /// <summary>OLS on the difference of two ETFs' simple returns.</summary>
    public const string SpreadRegression = "spread_regression";
}
