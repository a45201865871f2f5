namespace SigmaSight.Service.Batches.Repair;

/// <summary>What one reconciler pass repaired, one line per repair.</summary>
public sealed class ReconcileReport
{
    private readonly List<string> _repairs = [];

    public IReadOnlyList<string> Repairs => _repairs;

    public int Total => _repairs.Count;

    /// <summary>Why the pass did nothing at all (another pass held the lock); null when it ran.</summary>
    public string? Skipped { get; private set; }

    public void Skip(string reason) => Skipped = reason;

    public void Add(string repair) => _repairs.Add(repair);

    public override string ToString() => Skipped is { } why ? $"skipped: {why}"
        : Total == 0 ? "nothing to repair" : string.Join("; ", _repairs);
}
