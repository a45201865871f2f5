using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Adds (and removes) exchange closures the NYSE announces beyond its rules (<c>market_closures</c>), for the CLI and the
/// API alike.
/// The calendar reads the table on every call, so a closure counts from the next run on.
/// </summary>
public sealed class ClosureRegistry(SigmaSightDbContext db, TradingCalendarProvider calendars)
{
    public const int MaxReasonLength = 200;

    public async Task<ClosureOutcome> AddAsync(DateOnly? date, string? reason, CancellationToken cancellationToken)
    {
        if (date is not { } day) return ClosureOutcome.Invalid("date", "date is required (yyyy-MM-dd)");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return ClosureOutcome.Invalid("reason", "reason is required: say why the exchange is closed");
        if (why.Length > MaxReasonLength)
            return ClosureOutcome.Invalid("reason", $"reason is longer than {MaxReasonLength} characters");
        if (Hosting.Validation.ControlCharacters.Check("reason", why) is { } control) return ClosureOutcome.Invalid("reason", control);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        if (calendar.ExtraClosures.Contains(day)) return Exists(day);
        if (!calendar.IsTradingDay(day))
            return ClosureOutcome.Invalid("date", $"date {day:yyyy-MM-dd} is already closed ({calendar.ClosureReason(day)})");
        var written = await db.PortfolioSnapshots.CountAsync(s => s.SnapshotDate == day, cancellationToken).ConfigureAwait(false);
        if (written > 0)
            return ClosureOutcome.Invalid("date",
                $"date {day:yyyy-MM-dd} already has {written} snapshot(s): a closure cannot be added behind stored history");
        db.MarketClosures.Add(new MarketClosure { Date = day, Reason = why });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Exists(day);
        }
        return new ClosureOutcome(ClosureStatus.Added, null, $"{day:yyyy-MM-dd} is now closed ({why})", day, why);
    }

    /// <summary>Undoes <see cref="AddAsync"/>: the date is a trading day again from the next request on.</summary>
    public async Task<ClosureOutcome> RemoveAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var closure = await db.MarketClosures.SingleOrDefaultAsync(c => c.Date == day, cancellationToken).ConfigureAwait(false);
        if (closure is null)
        {
            var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
            var rule = calendar.IsTradingDay(day) ? "" : $"; it is closed by the NYSE rules ({calendar.ClosureReason(day)}), which cannot be removed";
            return new ClosureOutcome(ClosureStatus.NotListed, "date", $"date {day:yyyy-MM-dd} is not in market_closures{rule}");
        }
        db.MarketClosures.Remove(closure);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ClosureOutcome(ClosureStatus.Removed, null,
            $"{day:yyyy-MM-dd} is a trading day again (the closure '{closure.Reason}' is removed)", day, closure.Reason);
    }

    private static ClosureOutcome Exists(DateOnly day) =>
        new(ClosureStatus.AlreadyListed, "date", $"date {day:yyyy-MM-dd} is already in market_closures");
}

/// <summary>What adding a closure did; <see cref="Field"/> names the input at fault.</summary>
public sealed record ClosureOutcome(ClosureStatus Status, string? Field, string Message, DateOnly? Date = null, string? Reason = null)
{
    public static ClosureOutcome Invalid(string field, string message) => new(ClosureStatus.Invalid, field, message);
}

/// <summary>Added, already listed, refused as invalid, removed, or not listed (nothing to remove).</summary>
public enum ClosureStatus
{
    Added,
    AlreadyListed,
    Invalid,
    Removed,
    NotListed,
}
