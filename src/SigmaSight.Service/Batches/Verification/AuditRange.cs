using System.Globalization;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Cli;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// The days a verify checks, from its optional first and last day, for the <c>verify</c> verb and GET /api/verify alike:
/// the last day defaults to the last completed trading day and the first to the last; both must be trading days, in
/// order, and closed. A refusal is a <see cref="UsageException"/> naming its field (<c>from</c> or <c>to</c>), worded with
/// the caller's name for it (<c>--from</c> on the command line).
/// </summary>
internal static class AuditRange
{
    public static (DateOnly First, DateOnly Last) Resolve(NyseCalendar calendar, DateOnly? from, DateOnly? to, DateTimeOffset now,
        Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var last = to ?? BusinessDate.Resolve(now, calendar);
        var first = from ?? last;
        if (from is { } f) Require("from", () => RunInputs.RequireFirstDay(calendar, f, name("from")));
        if (to is { } t) Require("to", () => RunInputs.RequireLastDay(calendar, t, name("to")));
        Require("from", () => RunInputs.RequireOrder(first, last, name("from"), name("to")));
        Require("to", () => RunInputs.RequireCompleted(calendar, last, now, name("to")));
        return (first, last);
    }

    /// <summary>Why a range with no portfolio to check is refused: none active by its last day, or not the one named.</summary>
    public static string NothingToVerify(string? portfolio, DateOnly last) => portfolio is null
        ? string.Create(CultureInfo.InvariantCulture, $"no active portfolio has started by {last:yyyy-MM-dd}: nothing to verify")
        : string.Create(CultureInfo.InvariantCulture, $"portfolio {portfolio} is not active or starts after {last:yyyy-MM-dd}: nothing to verify");

    private static void Require(string field, Action check)
    {
        try
        {
            check();
        }
        catch (UsageException e) when (e.Field is null)
        {
            throw new UsageException(e.Message, field);
        }
    }
}
