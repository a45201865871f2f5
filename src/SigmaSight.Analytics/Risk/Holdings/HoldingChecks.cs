namespace SigmaSight.Analytics.Risk.Holdings;

/// <summary>Argument checks shared by the risk kernels; every message names the item concerned.</summary>
internal static class HoldingChecks
{
    public static void Validate(IReadOnlyList<RiskHolding> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        for (var i = 0; i < holdings.Count; i++)
        {
            var h = holdings[i] ?? throw new ArgumentException($"holding #{i} is null", nameof(holdings));
            if (string.IsNullOrWhiteSpace(h.Symbol))
                throw new ArgumentException($"holding #{i} has no symbol", nameof(holdings));
            if (!Enum.IsDefined(h.Kind))
                throw new ArgumentException($"holding {h.Symbol} has an unknown kind {h.Kind}", nameof(holdings));
            if (h.Kind != HoldingKind.Private && string.IsNullOrWhiteSpace(h.RiskSymbol))
                throw new ArgumentException($"holding {h.Symbol} ({h.Kind}) has no risk symbol (its own, or the underlying for an option)", nameof(holdings));
        }
    }

    public static double RequireFinite(double value, string what) => double.IsFinite(value)
        ? value
        : throw NotFinite(what, value);

    /// <summary>
    /// The error for a value that is not finite. Checks that run per value call it only on failure, so the name of the
    /// value is formatted then, not once for each value checked (issue 10: a string per return value cost a risk job
    /// more than the arithmetic it checked).
    /// </summary>
    public static ArgumentException NotFinite(string what, double value) => new($"{what} is not a finite number ({value})");

    /// <summary>The series of <paramref name="symbol"/>, checked to be finite and, when given, of <paramref name="length"/> values.</summary>
    public static double[] Series(IReadOnlyDictionary<string, double[]> series, string symbol, int? length, string what)
    {
        if (!series.TryGetValue(symbol, out var values) || values is null)
            throw new ArgumentException($"no {what} series for {symbol}");
        if (length is { } n && values.Length != n)
            throw new ArgumentException($"{what} series of {symbol} has {values.Length} values, expected {n} (series must be aligned)");
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) throw NotFinite($"a {what} of {symbol}", v);
        }

        return values;
    }
}
