namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Where each column of a price file is: <c>date</c>, <c>symbol</c> and <c>close</c> are required, <c>open</c>,
/// <c>high</c>, <c>low</c> and <c>volume</c> optional (−1 when absent), in any order; names are case-insensitive.
/// </summary>
public sealed record PriceCsvColumns(int Count, int Date, int Symbol, int Close, int Open, int High, int Low, int Volume)
{
    public static IReadOnlyList<string> Required { get; } = ["date", "symbol", "close"];

    public static IReadOnlyList<string> Optional { get; } = ["open", "high", "low", "volume"];

    /// <summary>The columns of <paramref name="header"/>, or the reasons it is not a price file's header.</summary>
    public static (PriceCsvColumns? Columns, IReadOnlyList<string> Problems) FromHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (!Required.Concat(Optional).Contains(name, StringComparer.OrdinalIgnoreCase))
                problems.Add($"unknown column '{name}' (expected {string.Join(", ", Required)} and optionally {string.Join(", ", Optional)})");
            else if (!positions.TryAdd(name, i))
                problems.Add($"column '{name}' appears twice");
        }
        problems.AddRange(Required.Where(r => !positions.ContainsKey(r)).Select(r => $"missing required column '{r}'"));
        if (problems.Count > 0) return (null, problems);
        int At(string name) => positions.TryGetValue(name, out var at) ? at : -1;
        return (new PriceCsvColumns(header.Count, At("date"), At("symbol"), At("close"), At("open"), At("high"), At("low"), At("volume")), []);
    }
}
