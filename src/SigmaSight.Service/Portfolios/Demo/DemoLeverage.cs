namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// The stated leverage of a demo portfolio: on every snapshot, gross exposure / NAV (Σ |market value| / NAV) lies in
/// [<paramref name="MinGross"/>, <paramref name="MaxGross"/>] and net exposure / NAV (Σ market value / NAV) in
/// [<paramref name="MinNet"/>, <paramref name="MaxNet"/>].
/// </summary>
public sealed record DemoLeverage(double MinGross, double MaxGross, double MinNet, double MaxNet);
