using System.Globalization;
using System.Net;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;

namespace SigmaSight.Service.Dashboard;

/// <summary>Encoded fragments shared by the Runs pages: status badges, dates, ranges, scopes and durations.</summary>
internal static class RunsHtml
{
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : WebUtility.HtmlEncode(text);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>An instant as UTC text; the dashboard's script shows <c>data-moment-local</c> in the browser's zone.</summary>
    public static string Time(DateTimeOffset? instant) => instant is { } t
        ? $"<span data-moment-local=\"{t.ToUnixTimeSeconds()}\" title=\"{t.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\">" +
          $"{t.UtcDateTime:yyyy-MM-dd HH:mm:ss}</span>"
        : "";

    /// <summary>The run id as shown: its last 12 characters, unique in practice and accepted back (RunReferences).</summary>
    public static string Short(Guid id) => RunReferences.Shown(id);

    public static string RunBadge(RunStatus status) => Label(status switch
    {
        RunStatus.Completed => "success",
        RunStatus.CompletedWithErrors => "warning",
        RunStatus.Failed => "danger",
        RunStatus.Superseded => "default",
        _ => "primary",
    }, status.ToString());

    public static string PhaseBadge(PhaseStatus status) => Label(status switch
    {
        PhaseStatus.Completed => "success",
        PhaseStatus.CompletedWithErrors => "warning",
        PhaseStatus.Running => "primary",
        _ => "default",
    }, status.ToString());

    public static string ItemBadge(ItemStatus status) => Label(ItemClass(status), status.ToString());

    public static string ItemClass(ItemStatus status) => status switch
    {
        ItemStatus.Succeeded => "success",
        ItemStatus.Failed => "danger",
        ItemStatus.Blocked => "warning",
        ItemStatus.Running => "primary",
        _ => "default",
    };

    public static string Range(BatchRun run) =>
        run.RangeFrom == run.RangeTo ? Date(run.RangeFrom) : $"{Date(run.RangeFrom)} → {Date(run.RangeTo)}";

    public static string Scope(BatchRun run, IReadOnlyDictionary<Guid, string> portfolioNames) =>
        RunScope.PortfolioOf(run.Scope) is { } id
            ? Encode(portfolioNames.TryGetValue(id, out var name) ? name : run.Scope)
            : Encode(run.Scope);

    public static string Trigger(BatchRun run) =>
        $"{Encode(run.RequestedBy)} <small class=\"text-muted\">{Time(run.TriggerTime)}</small>";

    /// <summary>Started (else created) to finished, or to now while the run is still going.</summary>
    public static TimeSpan? Duration(BatchRun run, DateTimeOffset now)
    {
        var start = run.StartedAt ?? run.CreatedAt;
        var end = run.FinishedAt ?? (run.Status == RunStatus.Running ? now : (DateTimeOffset?)null);
        return end is { } e && e >= start ? e - start : null;
    }

    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d) return "";
        if (d < TimeSpan.FromSeconds(1)) return $"{d.TotalMilliseconds:0} ms";
        if (d < TimeSpan.FromMinutes(1)) return $"{d.TotalSeconds:0.0} s";
        if (d < TimeSpan.FromHours(1)) return $"{(int)d.TotalMinutes} min {d.Seconds} s";
        return $"{(int)d.TotalHours} h {d.Minutes} min";
    }

    private static string Label(string css, string text) => $"<span class=\"label label-{css}\">{Encode(text)}</span>";
}
