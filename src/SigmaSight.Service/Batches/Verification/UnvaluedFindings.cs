using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// Unvalued positions (issue 8, point 6): a lot held on a day of the run whose symbol (an option's underlying) has no
/// close on that day nor within the stale window before it, so the day's P&amp;L cannot value it and fails, naming
/// symbol and date (DESIGN §6). Each is a <c>critical</c> finding of the run, rewritten on each verify. Only the days
/// whose P&amp;L item failed or was blocked are looked at: a written snapshot valued every lot it holds.
/// </summary>
public static class UnvaluedFindings
{
    public static async Task<List<DataQualityFinding>> RecordAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyList<BatchItem> unfinishedPnl, NyseCalendar calendar, int staleWindow, IReadOnlyDictionary<Guid, string> names,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(unfinishedPnl);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(names);
        await db.DataQualityFindings.Where(f => f.RunId == run.Id && f.Kind == "unvalued")
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var days = unfinishedPnl.Where(i => i.PortfolioId is not null && i.ItemDate is not null)
            .Select(i => (Portfolio: i.PortfolioId!.Value, Date: i.ItemDate!.Value)).Distinct().ToList();
        if (days.Count == 0) return [];
        var portfolioIds = days.Select(d => d.Portfolio).Distinct().ToList();
        var (first, last) = (days.Min(d => d.Date), days.Max(d => d.Date));
        var lots = await db.Positions.AsNoTracking()
            .Where(p => portfolioIds.Contains(p.PortfolioId) && p.InvestmentClass != LotCodes.Private && p.EntryDate <= last
                && (p.ExitDate == null || p.ExitDate >= first))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var symbols = lots.Select(LotCodes.PricedSymbol).Distinct().ToList();
        var from = calendar.AddTradingDays(first, -staleWindow);
        var closes = (await db.Prices.AsNoTracking().Where(p => symbols.Contains(p.Symbol) && p.Date >= from && p.Date <= last)
                .Select(p => new { p.Symbol, p.Date }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(p => p.Symbol, p => p.Date, StringComparer.Ordinal);

        var findings = new List<DataQualityFinding>();
        foreach (var (portfolio, day) in days.OrderBy(d => d.Date))
        {
            var oldest = calendar.AddTradingDays(day, -staleWindow);
            foreach (var symbol in lots.Where(l => l.PortfolioId == portfolio && IsHeld(l, day, calendar)).Select(LotCodes.PricedSymbol).Distinct().Order(StringComparer.Ordinal))
            {
                if (closes[symbol].Any(d => d >= oldest && d <= day)) continue;
                findings.Add(new DataQualityFinding
                {
                    RunId = run.Id, BusinessDate = day, Symbol = symbol, PortfolioId = portfolio, Kind = "unvalued", Severity = RunFindings.Critical,
                    CreatedAt = now,
                    Detail = $"{symbol} held by {names.GetValueOrDefault(portfolio, portfolio.ToString())} on {day:yyyy-MM-dd} has no close " +
                        $"on that day nor within the {staleWindow} trading days before it: the position cannot be valued and the day's P&L fails",
                });
            }
        }
        await FindingWriter.AddAsync(db, findings, cancellationToken).ConfigureAwait(false);
        return findings;
    }

    /// <summary>Open at the close of the day: entered on or before it, not yet exited, an option not past its settle day.</summary>
    private static bool IsHeld(Service.Portfolios.Position lot, DateOnly day, NyseCalendar calendar) =>
        calendar.OnOrAfter(lot.EntryDate) <= day
        && (lot.ExitDate is not { } exit || calendar.OnOrAfter(exit) > day)
        && (lot.ExpirationDate is not { } expiry || lot.InvestmentClass != LotCodes.Options || calendar.OnOrBefore(expiry) >= day);
}
