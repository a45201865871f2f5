namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>The factors of the synthetic market: f_k(t) = σ_k·z(seed, "factor:" + name_k, t), independent normals.</summary>
internal static class SyntheticFactors
{
    public const int Count = 8;

    public static IReadOnlyList<string> Names { get; } =
        ["Market", "Value", "Growth", "Momentum", "Quality", "Size", "LowVol", "Rates"];

    /// <summary>Daily standard deviations, in <see cref="Names"/> order.</summary>
    public static IReadOnlyList<double> Sigmas { get; } = [0.013, 0.005, 0.005, 0.006, 0.004, 0.006, 0.004, 0.008];

    /// <summary>Writes the eight factor returns of <paramref name="date"/> into <paramref name="destination"/>.</summary>
    public static void Returns(int seed, DateOnly date, Span<double> destination)
    {
        for (var k = 0; k < Count; k++)
        {
            destination[k] = Sigmas[k] * SyntheticNoise.Normal(seed, KeyHashes[k], date.DayNumber);
        }
    }

    private static readonly ulong[] KeyHashes = [.. Names.Select(n => SyntheticNoise.Fnv1a("factor:" + n))];
}
