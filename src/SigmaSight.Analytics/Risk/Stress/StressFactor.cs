namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>
/// One stress factor and the portfolio exposure it moves — data stored with the scenarios, e.g.
/// ("Market", "Market Beta (90D)", Return), ("Interest_Rate", "IR Beta", YieldChange), ("Value", "Value", Return).
/// </summary>
/// <param name="Name">Factor name used in scenario shocks and covariance rows.</param>
/// <param name="ExposureName">Name of the portfolio factor exposure whose dollar exposure this factor moves.</param>
/// <param name="Unit">How shocks of this factor are stated.</param>
public sealed record StressFactor(string Name, string ExposureName, ShockUnit Unit);
