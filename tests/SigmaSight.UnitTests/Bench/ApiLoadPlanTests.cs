using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

public class ApiLoadPlanTests
{
    private static readonly Guid Run = Guid.Parse("01a233d5-e864-7bb7-8952-f9b4f6e95e71");
    private static readonly List<Guid> Portfolios = [.. Enumerable.Range(1, 13).Select(i => new Guid(i, 0, 0, new byte[8]))];

    [Fact]
    public void Paths_MixTheRunReadsWithPortfolioReads_VisitingEveryPortfolio()
    {
        var paths = ApiLoadPlan.Paths(Run, Portfolios, withRisk: true);

        paths.Should().HaveCount(20);
        paths.Count(p => p == "/api/runs").Should().Be(2);
        paths.Count(p => p == $"/api/runs/{Run}").Should().Be(2);
        paths.Count(p => p.EndsWith("/risk", StringComparison.Ordinal)).Should().Be(8);
        foreach (var portfolio in Portfolios) paths.Should().Contain(p => p.StartsWith($"/api/portfolios/{portfolio}/", StringComparison.Ordinal));
    }

    [Fact]
    public void Paths_WithoutStoredRisk_ReadOnlySnapshots()
    {
        var paths = ApiLoadPlan.Paths(Run, Portfolios, withRisk: false);

        paths.Should().NotContain(p => p.EndsWith("/risk", StringComparison.Ordinal));
        paths.Count(p => p.EndsWith("/snapshots", StringComparison.Ordinal)).Should().Be(16);
    }
}
