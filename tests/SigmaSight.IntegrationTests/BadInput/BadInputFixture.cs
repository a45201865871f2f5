using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.BadInput;

/// <summary>
/// The data the catalogue runs against: the demo seeded (inception 2026-10-23), a backfill from inception through 2026-10-30 Completed (so
/// snapshots and the last day's analytics exist), one operator closure; then a web host with the API key and no
/// Hangfire servers, so nothing changes the data while the cases run.
/// </summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public WebTestHost Web { get; private set; } = null!;

    public Guid PortfolioId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // A short history keeps the backfill quick: inception 5 trading days before 2026-10-30 (2026-10-23).
        await using (var batch = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:InceptionTradingDaysBack"] = "5" }))
        {
            await batch.SeedDemoAsync();
            var inception = await batch.WithScopeAsync(s =>
                s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate));
            var handle = await batch.StartBackfillAsync(inception, new DateOnly(2026, 10, 30));
            var run = await batch.WaitAsync(handle.RunId);
            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            var closure = await batch.WithScopeAsync(s => s.GetRequiredService<ClosureRegistry>()
                .AddAsync(BadInputCatalogue.ListedClosureDate, "bad-input fixture closure", CancellationToken.None));
            closure.Status.Should().Be(ClosureStatus.Added, closure.Message);
            PortfolioId = await batch.WithScopeAsync(s => s.GetRequiredService<SigmaSightDbContext>().Portfolios
                .Where(p => p.Name == "Demo Individual Investor Portfolio").Select(p => p.Id).SingleAsync());
        }
        Web = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Api:Key"] = ApiCalls.Key }, reset: false);
    }

    public async ValueTask DisposeAsync() => await Web.DisposeAsync();
}
