using System.ComponentModel.DataAnnotations;

namespace SigmaSight.Service.Hosting;

/// <summary>The demo data set and its synthetic market.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed of the synthetic market: the same seed gives the same prices in any process.</summary>
    public int Seed { get; set; } = 20_250_630;

    /// <summary>Inception is this many trading days before the last completed NYSE trading day.</summary>
    [Range(1, 2_000)]
    public int InceptionTradingDaysBack { get; set; } = 60;
}
