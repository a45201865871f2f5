namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>The families of portfolio analytics; verify expects an <c>analytic_results</c> row for each.</summary>
public static class RiskFamilies
{
    public const string FactorExposures = "factor_exposures";
    public const string Volatility = "volatility";
    public const string Correlations = "correlations";
    public const string Stress = "stress";
    public const string Sector = "sector";
    public const string Concentration = "concentration";
    public const string Options = "options";
    public const string ValueAtRisk = "var";

    public static IReadOnlyList<string> All { get; } =
        [FactorExposures, Volatility, Correlations, Stress, Sector, Concentration, Options, ValueAtRisk];
}
