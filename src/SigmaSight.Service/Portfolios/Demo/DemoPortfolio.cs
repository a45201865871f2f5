namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// One SigmaSight demo portfolio as seeded by the original (reference §4.1): the id is the MD5 of its seed
/// string read as a UUID, the owner is the owner's e-mail, <paramref name="Equity"/> the starting equity balance,
/// <paramref name="Leverage"/> the range its daily gross and net exposure over NAV stay in.
/// </summary>
public sealed record DemoPortfolio(
    Guid Id, string Name, string Owner, decimal Equity, IReadOnlyList<DemoLot> Lots, DemoLeverage Leverage);
