namespace SigmaSight.Service.Risk;

/// <summary>
/// A benchmark's weight in one GICS sector as of a date. Sector exposure compares a portfolio with the latest
/// weights on or before its day. <c>migrate</c> loads the S&amp;P 500 weights of the embedded
/// <c>ReferenceData/sp500_sector_weights.csv</c> as benchmark <see cref="Sp500"/>.
/// </summary>
public sealed class SectorBenchmarkWeight
{
    public const string Sp500 = "SP500";

    public required string Benchmark { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>A GICS sector name, as in <c>securities.sector</c>.</summary>
    public required string Sector { get; set; }

    /// <summary>Fraction of the benchmark (the sectors of one date sum to 1).</summary>
    public double Weight { get; set; }

    /// <summary>Where the figures come from.</summary>
    public required string Source { get; set; }
}
