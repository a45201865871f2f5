using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SigmaSight.Service.Batches;

/// <summary>What a run reference names: exactly one run (<see cref="Id"/>), or nothing with the reason.</summary>
/// <param name="Id">The run, when the reference names exactly one.</param>
/// <param name="Problem">Why no run was chosen (null when <see cref="Id"/> is set).</param>
/// <param name="Unknown">True when the reference is well formed but names no run (404 in the API).</param>
public sealed record RunLookup(Guid? Id, string? Problem, bool Unknown);

/// <summary>
/// Run ids as people type them: the full id, or any unique prefix or suffix of its text (e.g. the 12 characters the Runs
/// page and <c>runs</c> show). Run ids are time-ordered (version 7), so runs started close together share long prefixes;
/// their last 12 characters are random.
/// </summary>
public static class RunReferences
{
    /// <summary>Characters of the shown form: the id's last group, 48 random bits.</summary>
    public const int ShownLength = 12;

    /// <summary>Matches listed in an "ambiguous" message.</summary>
    public const int MaxListed = 10;

    public const string Expected = "a run id, or a unique prefix or suffix of one, such as the 12 characters the Runs page shows";

    /// <summary>The id as the Runs page and <c>runs</c> show it: its last 12 characters, accepted back everywhere.</summary>
    public static string Shown(Guid id) => id.ToString("D")[^ShownLength..];

    /// <summary>The reference in lower case; null when it is empty or holds anything but hex digits and hyphens.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 36) return null;
        return trimmed.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or '-') && trimmed.Any(c => c != '-') ? trimmed : null;
    }

    public static async Task<RunLookup> FindAsync(IQueryable<BatchRun> runs, string text, string what, CancellationToken cancellationToken)
    {
        if (Normalize(text) is not { } reference) return NotARunId(text, what);
        var matches = await Matching(runs, reference).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Of(text, matches);
    }

    /// <summary>The synchronous <see cref="FindAsync"/>, for Hangfire's dashboard pages, which render synchronously.</summary>
    public static RunLookup Find(IQueryable<BatchRun> runs, string text, string what)
    {
        if (Normalize(text) is not { } reference) return NotARunId(text, what);
        return Of(text, [.. Matching(runs, reference)]);
    }

    private static RunLookup NotARunId(string text, string what) => new(null, $"{what} '{text}' is not a run id (give {Expected})", Unknown: false);

    private static IQueryable<BatchRun> Matching(IQueryable<BatchRun> runs, string reference)
    {
        var query = Guid.TryParse(reference, out var id)
            ? runs.Where(r => r.Id == id)
            : runs.Where(r => r.Id.ToString().StartsWith(reference) || r.Id.ToString().EndsWith(reference));
        return query.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(MaxListed + 1);
    }

    private static RunLookup Of(string text, List<BatchRun> matches)
    {
        if (matches.Count == 1) return new(matches[0].Id, null, Unknown: false);
        var shown = Guid.TryParse(text.Trim(), out var full) ? full.ToString("D") : text.Trim();
        if (matches.Count == 0) return new(null, $"run {shown} does not exist", Unknown: true);
        var listed = string.Join("; ", matches.Take(MaxListed).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Id} ({r.Kind} {r.BusinessDate:yyyy-MM-dd}, created {r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)")));
        var more = matches.Count > MaxListed ? $" and more (at most {MaxListed} listed)" : "";
        return new(null, $"run '{shown}' is ambiguous: it matches {listed}{more}; give more characters", Unknown: false);
    }
}
