using System.ComponentModel.DataAnnotations;

namespace SigmaSight.Service.Risk;

/// <summary>Settings of the risk analytics (phases 2 and 4).</summary>
public sealed class RiskOptions
{
    public const string SectionName = "Risk";

    /// <summary>The market benchmark of market betas and the stress tests' Market factor (SPY; NYA for the Dow Jones data).</summary>
    [Required]
    public string MarketBenchmark { get; set; } = "SPY";

    /// <summary>The interest-rate proxy of IR betas.</summary>
    [Required]
    public string RateProxy { get; set; } = "TLT";

    /// <summary>Trading days of closes the analytics read before their date (percentile needs 252 + 21 returns).</summary>
    [Range(280, 5_000)]
    public int HistoryTradingDays { get; set; } = 300;

    /// <summary>Duration of the rate proxy: a yield shock Δy moves it by −duration × Δy.</summary>
    [Range(0.1, 50)]
    public double RateProxyDuration { get; set; } = 17;

    /// <summary>Test hook: symbols whose phase-2 analytics throw, as bad data would. Empty in production.</summary>
    public string[] TestFailSymbols { get; set; } = [];
}
