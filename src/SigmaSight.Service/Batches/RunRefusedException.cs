namespace SigmaSight.Service.Batches;

/// <summary>
/// A run that must not start because it would check nothing (no portfolio of its scope is active on any day of its
/// range): the CLI exits 64 and the API answers 400 with the reason; a scheduled trigger fails without retries.
/// </summary>
public sealed class RunRefusedException(string message) : NonTransientBatchException(message);
