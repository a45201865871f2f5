namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// Stable pseudo-random numbers as pure functions of (seed, key, day number): a 64-bit FNV-1a of the key's UTF-16
/// code units (never <see cref="string.GetHashCode()"/>, which is randomised per process), mixed with the seed and
/// the day by the SplitMix64 finaliser, then drawn from a SplitMix64 stream; normals by Box–Muller.
/// </summary>
internal static class SyntheticNoise
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    /// <summary>64-bit FNV-1a over the key's UTF-16 code units, low byte first.</summary>
    public static ulong Fnv1a(string key)
    {
        var hash = FnvOffsetBasis;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ (byte)c) * FnvPrime);
            hash = unchecked((hash ^ (byte)(c >> 8)) * FnvPrime);
        }

        return hash;
    }

    /// <summary>A standard normal draw for (seed, key hash, day number).</summary>
    public static double Normal(int seed, ulong keyHash, int dayNumber)
    {
        var state = StateOf(seed, keyHash, dayNumber);
        var u1 = ((Next(ref state) >> 11) + 1) * TwoToMinus53; // (0, 1]: the logarithm stays finite
        var u2 = (Next(ref state) >> 11) * TwoToMinus53;       // [0, 1)
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A uniform draw in [low, high) for (seed, key).</summary>
    public static double Uniform(int seed, string key, double low, double high)
    {
        var state = StateOf(seed, Fnv1a(key), 0);
        return low + ((high - low) * (Next(ref state) >> 11) * TwoToMinus53);
    }

    private static ulong StateOf(int seed, ulong keyHash, int dayNumber) =>
        Mix(Mix(Mix(unchecked((ulong)seed)) ^ keyHash) ^ unchecked((ulong)dayNumber));

    private static ulong Next(ref ulong state)
    {
        state = unchecked(state + GoldenGamma);
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser (a bijection with good avalanche).</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
