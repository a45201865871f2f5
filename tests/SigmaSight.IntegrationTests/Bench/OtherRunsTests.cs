using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Bench;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Bench;

/// <summary>
/// The bench's guard: a run in the bench database that the bench did not start (a schedule, an operator) shares the
/// workers with the measured night, so the bench names it and fails rather than print its figures as the bench's.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class OtherRunsTests
{
    [Fact]
    public async Task OtherRuns_NamesEveryRunNotRequestedByTheBench_AndNoneOfItsOwn()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var day = new DateOnly(2026, 10, 30);
        await host.AddFinishedRunAsync("all", day); // requested by "test"

        var asBench = await host.WithScopeAsync(s => RunLedger.OtherRunsAsync(s.GetRequiredService<SigmaSightDbContext>(), "bench",
            TestContext.Current.CancellationToken));
        var asTest = await host.WithScopeAsync(s => RunLedger.OtherRunsAsync(s.GetRequiredService<SigmaSightDbContext>(), "test",
            TestContext.Current.CancellationToken));

        asBench.Should().ContainSingle().Which.Should().Be("Backfill 2026-10-30..2026-10-30 requested by 'test' at 2026-10-30 21:00:00Z, Completed");
        asTest.Should().BeEmpty();
    }
}
