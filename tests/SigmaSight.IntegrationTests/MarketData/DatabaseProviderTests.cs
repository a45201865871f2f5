using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Cli;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// <c>MarketData:Provider = database</c>: phase 1 fetches nothing, the run uses imported prices, and a held symbol
/// without an imported close is a finding valued stale under the P&amp;L rules.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DatabaseProviderTests
{
    [Fact]
    public async Task Run_UsesImportedCloses_AndAHeldSymbolWithoutOneIsAFinding_ValuedStale()
    {
        List<DateOnly> days;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(5);
            (await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId)).Status.Should().Be(RunStatus.Completed);
            // The last day's closes arrive by import (the synthetic market's, so the figures stay checkable), without AAPL.
            var csv = await host.WithScopeAsync(async s =>
            {
                var symbols = await s.GetRequiredService<SigmaSightDbContext>().Prices.Select(p => p.Symbol).Distinct().ToListAsync();
                var closes = await s.GetRequiredService<SyntheticMarketDataProvider>()
                    .GetClosesAsync(symbols, days[4], days[4], CancellationToken.None);
                var text = new StringBuilder("symbol,date,close\n");
                foreach (var (symbol, series) in closes.Where(c => c.Key != "AAPL"))
                    foreach (var (date, close) in series) text.Append(CultureInfo.InvariantCulture, $"{symbol},{date:yyyy-MM-dd},{close}\n");
                return text.ToString();
            });
            var imported = await host.ImportAsync(csv, source: "vendor-file");
            imported.Written.Should().BeTrue(string.Join("; ", imported.Errors));
            imported.Inserted.Should().BeGreaterThan(20);
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false,
            settings: new Dictionary<string, string?> { ["MarketData:Provider"] = "database" }))
        {
            using (var scope = host.Services.CreateScope())
                scope.ServiceProvider.GetRequiredService<IMarketDataProvider>().Source.Should().Be("database");
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[4])).RunId);

            run.Status.Should().Be(RunStatus.CompletedWithErrors);
            run.Summary.Should().Contain($"AAPL on {days[4]:yyyy-MM-dd} valued at its close of {days[3]:yyyy-MM-dd}");
            (await TestDatabase.RowsAsync($"""
                SELECT symbol, kind, to_char(business_date, 'YYYY-MM-DD'), detail FROM sigmasight.data_quality_findings
                 WHERE run_id = '{run.Id}' AND kind = 'missing'
                """)).Should().Equal(
                $"AAPL|missing|{days[4]:yyyy-MM-dd}|no close for AAPL on {days[4]:yyyy-MM-dd} in prices (provider database: import it with import-prices)");
            (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.prices WHERE date = '{days[4]:yyyy-MM-dd}' AND source <> 'vendor-file'"))
                .Should().Be(0, "the database provider writes no price");
            (await TestDatabase.ScalarAsync<long>($"""
                SELECT count(*) FROM sigmasight.position_values v JOIN sigmasight.positions x ON x.id = v.position_id
                 WHERE v.value_date = '{days[4]:yyyy-MM-dd}' AND v.price_date < v.value_date AND x.symbol <> 'AAPL'
                   AND coalesce(x.underlying_symbol, '') <> 'AAPL' AND x.investment_class <> 'PRIVATE'
                """)).Should().Be(0, "every other holding has its imported close");
            // One trading day stale is a warning; status, the API's run detail and the Runs page list it.
            var findings = await host.WithScopeAsync(s => Service.Batches.Verification.RunFindings.ReadAsync(
                s.GetRequiredService<SigmaSightDbContext>(), run.Id, 50, CancellationToken.None));
            findings.Should().ContainSingle(f => f.Kind == "stale" && f.Symbol == "AAPL").Which.Severity.Should().Be("warning");
            findings[0].Kind.Should().Be("missing", "an error comes before a warning");
            var status = new StringWriter();
            await host.WithScopeAsync(async s =>
            {
                await Service.Cli.StatusPrinter.PrintRunAsync(s.GetRequiredService<SigmaSightDbContext>(), run.Id, status, CancellationToken.None);
                return 0;
            });
            status.ToString().Should().MatchRegex($@"data quality: {findings.Count} finding\(s\)")
                .And.MatchRegex($@"warning\s+stale\s+{days[4]:yyyy-MM-dd} AAPL");
            var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();
            exitCode.Should().Be(0, output);
        }
    }

    [Fact]
    public void Host_RefusesToStart_WithAnUnknownProvider()
    {
        var build = () => CliHost.Build(withServers: false, new Dictionary<string, string?>
        {
            ["SIGMASIGHT_DB"] = TestDatabase.ConnectionString,
            ["MarketData:Provider"] = "bloomberg",
        });

        build.Should().Throw<InvalidOperationException>().WithMessage("MarketData:Provider 'bloomberg' is not one of: synthetic, database, http");
    }
}
