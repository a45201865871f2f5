using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Implausible jumps (issue 8, point 6): a stored close of a day of the run whose simple return against the previous
/// stored close of the symbol exceeds ±50%. SigmaSight keeps no splits table (closes are split-adjusted, DESIGN §6),
/// so no jump is explained by a recorded split and every one is a <c>warning</c> finding. It does not fail the run:
/// the close may be right (a takeover, a collapse); the finding asks for a look.
/// </summary>
public static class JumpFinder
{
    /// <summary>The largest plausible |simple return| between two consecutive stored closes.</summary>
    public const decimal Threshold = 0.5m;

    public static async Task<List<DataQualityFinding>> FindAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyCollection<string> symbols, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0) return [];
        var symbolArray = symbols.ToArray();
        var jumps = await db.Database.SqlQuery<Jump>($"""
                SELECT p.symbol, p.date, p.close, q.date AS previous_date, q.close AS previous_close
                  FROM sigmasight.prices p
                 CROSS JOIN LATERAL (SELECT x.date, x.close FROM sigmasight.prices x
                                      WHERE x.symbol = p.symbol AND x.date < p.date ORDER BY x.date DESC LIMIT 1) q
                 WHERE p.symbol = ANY({symbolArray}) AND p.date >= {run.RangeFrom} AND p.date <= {run.RangeTo}
                   AND abs(p.close / q.close - 1) > {Threshold}
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. jumps.OrderBy(j => j.Symbol, StringComparer.Ordinal).ThenBy(j => j.Date).Select(j => new DataQualityFinding
        {
            RunId = run.Id, BusinessDate = j.Date, Symbol = j.Symbol, Kind = "jump", Severity = "warning", CreatedAt = now,
            Detail = $"{j.Symbol} closed {Price(j.Close)} on {j.Date:yyyy-MM-dd} after {Price(j.PreviousClose)} on " +
                $"{j.PreviousDate:yyyy-MM-dd}: a return of {(j.Close / j.PreviousClose - 1).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture)} " +
                "beyond ±50% with no split recorded (no splits table: closes must be split-adjusted)",
        })];
    }

    private static string Price(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private sealed record Jump(string Symbol, DateOnly Date, decimal Close, DateOnly PreviousDate, decimal PreviousClose);
}
