namespace SigmaSight.Service.Batches;

/// <summary>A request to start (or join) a run.</summary>
/// <remarks>AnalyticsAllDates: risk analytics for every trading day of the range (default: its last day only).</remarks>
public sealed record RunRequest(RunKind Kind, DateOnly From, DateOnly To, string Scope, string RequestedBy,
    DateTimeOffset TriggerTime, bool Force = false, bool AnalyticsAllDates = false);

/// <summary>The run a request started or joined.</summary>
public sealed record RunHandle(Guid RunId, bool Joined, RunStatus Status);
