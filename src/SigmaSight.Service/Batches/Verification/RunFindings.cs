using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>One data-quality finding of a run as <c>status</c>, the API and the Runs page show it.</summary>
public sealed record FindingView(string Kind, string Severity, DateOnly BusinessDate, string? Symbol, Guid? PortfolioId, string Detail);

/// <summary>A run's data-quality findings, the most severe first, and the severity rule of stale prices.</summary>
public static class RunFindings
{
    public const string Critical = "critical";
    public const string Warning = "warning";

    /// <summary>A close one trading day old is a warning; two or more trading days old is critical (issue 8, point 6).</summary>
    public static string StaleSeverity(NyseCalendar calendar, DateOnly priceDate, DateOnly valueDate)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.CountTradingDays(priceDate, valueDate) >= 2 ? Critical : Warning;
    }

    public static async Task<IReadOnlyList<FindingView>> ReadAsync(SigmaSightDbContext db, Guid runId, int cap,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.DataQualityFindings.AsNoTracking().Where(f => f.RunId == runId)
            .Select(f => new FindingView(f.Kind, f.Severity, f.BusinessDate, f.Symbol, f.PortfolioId, f.Detail))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(f => Rank(f.Severity)).ThenBy(f => f.BusinessDate).ThenBy(f => f.Kind, StringComparer.Ordinal)
            .ThenBy(f => f.Symbol, StringComparer.Ordinal).Take(cap)];
    }

    private static int Rank(string severity) => severity switch
    {
        "error" => 0,
        Critical => 1,
        Warning => 2,
        _ => 3,
    };
}
