using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace SigmaSight.Service.Hosting;

/// <summary>What the analytics phases need from the rest of the batch.</summary>
public sealed partial class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>The fewest figures that need the longest history: the volatility percentile (252 + 21 returns).</summary>
    public const int MinimumHistoryTradingDays = 252 + 21 + 1;

    /// <summary>
    /// Closes every analytics symbol (held symbols, option underlyings, factor ETFs) must have up to and including a
    /// run's first day; phase 1 fetches the missing earlier trading days. At least 274 (252 + 21 returns).
    /// </summary>
    [Range(MinimumHistoryTradingDays, 5_000)]
    public int HistoryTradingDays { get; set; } = 300;

    /// <summary>The market benchmark of market betas and the stress tests' Market factor (SPY; NYA for the Dow Jones data).</summary>
    [Required]
    public string MarketBenchmark { get; set; } = "SPY";

    /// <summary>The interest-rate proxy of IR betas and of the stress tests' rate shocks.</summary>
    [Required]
    public string RateProxy { get; set; } = "TLT";

    /// <summary>Duration of the rate proxy: a yield shock Δy moves it by −duration × Δy.</summary>
    [Range(0.1, 50)]
    public double RateProxyDuration { get; set; } = 17;

    /// <summary>Test hook: symbols whose phase-2 analytics throw, as bad data would. Empty in production.</summary>
    public string[] TestFailSymbols { get; set; } = [];

    /// <summary>The benchmark and the rate proxy look like ticker symbols (letters, digits, . - ^ = /; 1..20 characters).</summary>
    public static IEnumerable<string> Rules(AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (key, symbol) in new[] { (nameof(MarketBenchmark), options.MarketBenchmark), (nameof(RateProxy), options.RateProxy) })
            if (!string.IsNullOrEmpty(symbol) && !Symbol().IsMatch(symbol))
                yield return $"{SectionName}:{key} '{symbol}' is not a ticker symbol (letters, digits, . - ^ = /; 1 to 20 characters)";
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-^=/]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();
}
