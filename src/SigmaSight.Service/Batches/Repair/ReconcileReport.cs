namespace SigmaSight.Service.Batches.Repair;

/// <summary>What one reconciler pass repaired, one line per repair.</summary>
public sealed class ReconcileReport
{
    private readonly List<string> _repairs = [];

    public IReadOnlyList<string> Repairs => _repairs;

    public int Total => _repairs.Count;

    public void Add(string repair) => _repairs.Add(repair);

    public override string ToString() => Total == 0 ? "nothing to repair" : string.Join("; ", _repairs);
}
