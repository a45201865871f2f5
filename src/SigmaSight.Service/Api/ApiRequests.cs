namespace SigmaSight.Service.Api;

/// <summary>POST /api/runs: the nightly run for <paramref name="Date"/> (default: the last completed trading day).</summary>
public sealed record StartRunBody(DateOnly? Date = null, bool? Force = null);

/// <summary>POST /api/backfills: every trading day of [From, To] for every active portfolio.</summary>
/// <remarks>Analytics: "last" (the default) computes risk analytics for the range's last day, "all" for every trading day.</remarks>
public sealed record BackfillBody(DateOnly? From = null, DateOnly? To = null, bool? Force = null, string? Analytics = null);

/// <summary>POST /api/recomputes: delete one portfolio's snapshots from <paramref name="From"/> on and rebuild them.</summary>
public sealed record RecomputeBody(string? Portfolio = null, DateOnly? From = null);

/// <summary>POST /api/closures: an exchange closure the NYSE rules do not know (e.g. a national day of mourning).</summary>
public sealed record ClosureBody(DateOnly? Date = null, string? Reason = null);

/// <summary>The answer to a run request: the run started or joined, and where to follow it.</summary>
public sealed record RunAccepted(Guid RunId, bool Joined, Batches.RunStatus Status, string Location);
