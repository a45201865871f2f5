namespace SigmaSight.Service.Batches.Diff;

/// <summary>
/// What changed between the snapshots run <see cref="RunA"/> verified and those run <see cref="RunB"/> verified, over
/// the dates and portfolios both cover: every (portfolio, date, field) whose value differs, and the portfolio-days
/// only one of them has.
/// </summary>
public sealed record RunDiff(
    Guid RunA,
    Guid RunB,
    DateOnly From,
    DateOnly To,
    int Compared,
    int ChangedDays,
    IReadOnlyList<PortfolioDay> OnlyInA,
    IReadOnlyList<PortfolioDay> OnlyInB,
    IReadOnlyList<FigureChange> Changes)
{
    public bool Same => Changes.Count == 0 && OnlyInA.Count == 0 && OnlyInB.Count == 0;
}

public sealed record PortfolioDay(Guid PortfolioId, string Portfolio, DateOnly Date);

/// <summary>One field of one portfolio-day: its value in each run (JSON text, null when absent) and B − A for numbers.</summary>
public sealed record FigureChange(Guid PortfolioId, string Portfolio, DateOnly Date, string Field, string? A, string? B, decimal? Delta);
