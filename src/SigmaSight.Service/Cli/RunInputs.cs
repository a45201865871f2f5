using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting.Validation;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>Validation of dates and names given on the command line or to the API, with errors that say why.</summary>
public static class RunInputs
{
    public static void RequireTradingDay(NyseCalendar calendar, DateOnly date, string what)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsTradingDay(date)) throw new UsageException(NotTradingDay(calendar, date, what));
    }

    /// <summary>Refuses a range's first day when it is not a trading day, naming the first trading day on or after it.</summary>
    public static void RequireFirstDay(NyseCalendar calendar, DateOnly date, string what)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsTradingDay(date))
            throw new UsageException($"{NotTradingDay(calendar, date, what)}; the first trading day on or after it is {calendar.NextTradingDay(date):yyyy-MM-dd}",
                FieldOf(what));
    }

    /// <summary>Refuses a range's last day when it is not a trading day, naming the last trading day on or before it.</summary>
    public static void RequireLastDay(NyseCalendar calendar, DateOnly date, string what)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsTradingDay(date))
            throw new UsageException($"{NotTradingDay(calendar, date, what)}; the last trading day on or before it is {calendar.PreviousTradingDay(date):yyyy-MM-dd}",
                FieldOf(what));
    }

    /// <summary>Refuses a date outside <see cref="SupportedDates"/>, before any date arithmetic on it.</summary>
    public static void RequireSupported(DateOnly date, string what)
    {
        if (SupportedDates.Check(what, date) is { } outside) throw new UsageException(outside, FieldOf(what));
    }

    public static void RequireCompleted(NyseCalendar calendar, DateOnly date, DateTimeOffset now, string what)
    {
        var last = BusinessDate.Resolve(now, calendar);
        if (date > last)
            throw new UsageException($"{what} {date:yyyy-MM-dd} has no closing prices yet: the last completed trading day is {last:yyyy-MM-dd}",
                FieldOf(what));
    }

    /// <summary>
    /// A backfill's range, for the CLI (<c>--from</c>, <c>--to</c>) and the API (<c>from</c>, <c>to</c>) alike: both ends
    /// supported dates and trading days, in order, the last one closed. A refusal names its field.
    /// </summary>
    public static void RequireRange(NyseCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, string fromName = "--from",
        string toName = "--to")
    {
        RequireSupported(from, fromName);
        RequireSupported(to, toName);
        RequireOrder(from, to, fromName, toName);
        RequireFirstDay(calendar, from, fromName);
        RequireLastDay(calendar, to, toName);
        RequireCompleted(calendar, to, now, toName);
    }

    /// <summary>Refuses a range whose first day is after its last, naming both as the caller calls them.</summary>
    public static void RequireOrder(DateOnly from, DateOnly to, string fromName, string toName)
    {
        if (from > to)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{fromName} {from:yyyy-MM-dd} is after {toName} {to:yyyy-MM-dd}"),
                FieldOf(fromName));
    }

    /// <summary>Refuses a range of more than <paramref name="maxTradingDays"/> trading days (Batch:MaxRangeTradingDays).</summary>
    public static void RequireSpan(NyseCalendar calendar, DateOnly from, DateOnly to, int maxTradingDays, string what)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (to < from) return;
        var days = calendar.CountTradingDays(from, to) + (calendar.IsTradingDay(from) ? 1 : 0);
        if (days > maxTradingDays)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{what} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} spans {days} trading days: a run covers at most {maxTradingDays} (Batch:MaxRangeTradingDays)"));
    }

    /// <summary>
    /// A portfolio by id, exact name, or name in any case (ASCII letters); refuses an unknown name, one that matches
    /// several portfolios in different cases (naming them), and one with a control character.
    /// </summary>
    public static async Task<Guid> FindPortfolioAsync(SigmaSightDbContext db, string idOrName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(idOrName);
        if (ControlCharacters.Check("portfolio", idOrName) is { } control) throw new UsageException(control, "portfolio");
        var byId = Guid.TryParse(idOrName, out var id)
            ? await db.Portfolios.AnyAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            : false;
        if (byId) return id;
        var name = idOrName.Trim();
        var pattern = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        var named = await db.Portfolios.AsNoTracking().Where(p => p.Name == name || EF.Functions.ILike(p.Name, pattern, "\\"))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).Take(10).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (named.FirstOrDefault(p => p.Name == name) is { } exact) return exact.Id;
        return named.Count switch
        {
            1 => named[0].Id,
            0 => throw new UsageException($"portfolio '{idOrName}' does not exist (give its id or name; the portfolios verb lists them)"),
            _ => throw new UsageException($"portfolio '{idOrName}' is ambiguous: it matches {string.Join(", ", named.Select(p => $"'{p.Name}' ({p.Id})"))}; " +
                "give the exact name or the id"),
        };
    }

    private static string NotTradingDay(NyseCalendar calendar, DateOnly date, string what) =>
        $"{what} {date:yyyy-MM-dd} is not an NYSE trading day ({calendar.ClosureReason(date)})";

    /// <summary>The API field an input is about: its name without the command line's dashes (<c>--to</c> is <c>to</c>).</summary>
    private static string FieldOf(string what) => what.TrimStart('-');
}
