namespace SigmaSight.Analytics.Risk.Sectors;

/// <summary>One sector (or bucket) of a portfolio on D.</summary>
/// <param name="Sector">GICS sector name, or a <see cref="SectorBuckets"/> name.</param>
/// <param name="IsEquitySector">True for the stock sectors (including benchmark sectors the portfolio does not hold).</param>
/// <param name="NetWeight">Σ signed market value / Σ signed market value of the stock sleeve; null for the ETF, Options and
/// Private buckets and when the sleeve is not positive.</param>
/// <param name="GrossWeight">Σ |market value| / NAV.</param>
/// <param name="BenchmarkWeight">Benchmark weight (0 for a stock sector the benchmark lacks); null for non-stock buckets or without a benchmark.</param>
/// <param name="Difference">NetWeight − BenchmarkWeight (positive = overweight); null when either is null.</param>
public sealed record SectorWeight(
    string Sector, bool IsEquitySector, double? NetWeight, double GrossWeight, double? BenchmarkWeight, double? Difference);
