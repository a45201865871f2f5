using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>The portfolios a run covers: every active one, or the one named by "portfolio:&lt;id&gt;".</summary>
public static class RunScope
{
    public const string All = "all";

    public static string ForPortfolio(Guid portfolioId) => $"portfolio:{portfolioId}";

    public static Guid? PortfolioOf(string scope) =>
        scope.StartsWith("portfolio:", StringComparison.Ordinal) ? Guid.Parse(scope["portfolio:".Length..]) : null;

    public static IQueryable<Portfolio> Portfolios(SigmaSightDbContext db, string scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        var only = PortfolioOf(scope);
        var active = db.Portfolios.Where(p => p.IsActive);
        return only is { } id ? active.Where(p => p.Id == id) : active;
    }
}
