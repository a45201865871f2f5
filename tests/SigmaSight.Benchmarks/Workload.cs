namespace SigmaSight.Benchmarks;

/// <summary>The sizes every benchmark shares (the targets of issue 6 are stated for these).</summary>
internal static class Workload
{
    /// <summary>Symbols per operation of the per-symbol kernels.</summary>
    public const int Symbols = 10_000;

    /// <summary>Weekdays of closes: enough for every volatility figure (the percentile needs 273 returns) despite gaps.</summary>
    public const int Days = 300;

    /// <summary>Symbols in the correlation matrix.</summary>
    public const int CorrelationSymbols = 50;

    /// <summary>Options valued per operation.</summary>
    public const int Options = 10_000;

    /// <summary>The seed of all generated data.</summary>
    public const int Seed = 20_260_101;

    /// <summary>Throws when a setup check fails, so a benchmark never times a path it did not mean to.</summary>
    public static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"benchmark setup: {what}");
    }
}
