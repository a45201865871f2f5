namespace SigmaSight.Service.Batches;

/// <summary>A request to start (or join) a run.</summary>
public sealed record RunRequest(RunKind Kind, DateOnly From, DateOnly To, string Scope, string RequestedBy,
    DateTimeOffset TriggerTime, bool Force = false);

/// <summary>The run a request started or joined.</summary>
public sealed record RunHandle(Guid RunId, bool Joined, RunStatus Status);
