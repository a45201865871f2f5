using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.IntegrationTests.Dashboard;

/// <summary>
/// Two finished runs in the ledger — a clean backfill of inception .. inception + 3 trading days, then a backfill of
/// the next 3 days in which one portfolio fails — and a real web host (dashboard only, no Hangfire servers) on a free
/// loopback port serving them.
/// </summary>
public sealed class RunsPageFixture : IAsyncLifetime
{
    public const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";

    /// <summary>Appended to the failed item's error in the ledger: the page must show it as text.</summary>
    public const string Markup = "<b onclick=\"x()\">bold & raw</b>";

    private WebApplication? _web;

    public BatchRun CompletedRun { get; private set; } = null!;
    public BatchRun FailedRun { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            var days = await host.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<SigmaSightDbContext>();
                var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
                var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
                return calendar.TradingDays(inception, BusinessDate.Resolve(host.Now, calendar)).Take(7).ToList();
            });
            CompletedRun = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);
            await AddPositionWithoutPricesAsync(host);
            FailedRun = await host.WaitAsync((await host.StartBackfillAsync(days[4], days[6])).RunId);
        }
        // The frozen clock gives both runs one created_at: move the first an hour back so "newest first" is testable.
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_runs SET created_at = created_at - interval '1 hour',
                   started_at = started_at - interval '1 hour', finished_at = finished_at - interval '1 hour'
             WHERE id = '{CompletedRun.Id}'
            """);
        await TestDatabase.ExecuteAsync(
            $"UPDATE sigmasight.batch_items SET error = error || ' {Markup}' WHERE run_id = '{FailedRun.Id}' AND status = 'Failed'");

        _web = WebHost.Build([
            "--urls=http://127.0.0.1:0",
            $"--{DatabaseConnection.EnvironmentVariable}={TestDatabase.ConnectionString}",
            "--Hangfire:RunServers=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _web.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_web.Urls.Single()) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_web is not null) await _web.DisposeAsync();
    }

    /// <summary>As in FailureRepairTests: a lot in a symbol without prices fails the portfolio's first P&amp;L item.</summary>
    private static Task<int> AddPositionWithoutPricesAsync(BatchTestHost host) => host.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SigmaSightDbContext>();
        var portfolio = await db.Portfolios.SingleAsync(p => p.Name == HedgeFund);
        db.Positions.Add(new Position
        {
            Id = Guid.NewGuid(), PortfolioId = portfolio.Id, Symbol = "ZZZZ", PositionType = "LONG", InvestmentClass = "PUBLIC",
            Quantity = 100, EntryPrice = 10m, EntryDate = portfolio.InceptionDate,
        });
        return await db.SaveChangesAsync();
    });
}
