using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// Issue 8, point 3, end to end: phase 1 through Hangfire on PostgreSQL with <c>MarketData:Provider = http</c> against a
/// local fake Financial Modeling Prep that knows AAPL and SPY only (first answering 500 and 429), and
/// <c>MarketData:Fallback = synthetic</c> filling every other symbol: the run completes, each close keeps the source of
/// the provider that gave it, the chunk's item stores its fetched range, and the vendor's profiles (AAPL, SPY) give those
/// symbols' reference data while the fallback's catalog gives the rest's.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class HttpProviderRunTests
{
    private static readonly string[] VendorSymbols = ["AAPL", "SPY"];

    [Fact]
    public async Task Run_TakesTheVendorsClosesAfterRetries_AndTheFallbackFillsTheSymbolsItLacks()
    {
        BatchTestHost? host = null;
        var attempts = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        await using var vendor = await StartVendorAsync(async (symbol, from, to, attempt) =>
        {
            if (!VendorSymbols.Contains(symbol)) return (404, "{}");
            if (attempt == 1) return symbol == "AAPL" ? (500, "busy") : (429, "{}");
            var closes = await host!.WithScopeAsync(s => s.GetRequiredService<SyntheticMarketDataProvider>()
                .GetClosesAsync([symbol], from, to, CancellationToken.None));
            var rows = closes[symbol].OrderByDescending(c => c.Key)
                .Select(c => new Dictionary<string, object> { ["date"] = c.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["close"] = c.Value });
            return (200, JsonSerializer.Serialize(new Dictionary<string, object> { ["symbol"] = symbol, ["historical"] = rows }));
        }, attempts);
        var logs = new CapturedLogs();
        host = await StartHostAsync(vendor, logs);
        await using (host)
        {
            var days = await SeedAsync(host);

            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);

            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            var sources = await TestDatabase.RowsAsync($"""
                SELECT CASE WHEN symbol IN ('AAPL', 'SPY') THEN symbol ELSE 'other' END, source, count(*), min(date) <= '{days[0]:yyyy-MM-dd}',
                       max(date) = '{days[3]:yyyy-MM-dd}'
                  FROM sigmasight.prices GROUP BY 1, 2 ORDER BY 1, 2
                """);
            sources.Should().HaveCount(3).And.Satisfy(
                r => r.StartsWith("AAPL|fmp|", StringComparison.Ordinal) && r.EndsWith("|True|True", StringComparison.Ordinal),
                r => r.StartsWith("SPY|fmp|", StringComparison.Ordinal) && r.EndsWith("|True|True", StringComparison.Ordinal),
                r => r.StartsWith("other|synthetic|", StringComparison.Ordinal) && r.EndsWith("|True|True", StringComparison.Ordinal));
            int.Parse(sources[0].Split('|')[2], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(300, "AAPL's whole history window came from the vendor");
            attempts["AAPL"].Should().HaveCount(2, "500, then 200").And.OnlyContain(q => q.Contains($"apikey={ApiKey}", StringComparison.Ordinal));
            attempts["SPY"].Should().HaveCount(2, "429, then 200");
            attempts.Keys.Count(k => !k.Contains('/')).Should().BeGreaterThan(50, "the vendor was asked for every symbol of the run");
            (await TestDatabase.RowsAsync($"""
                SELECT count(*), min(fetched_from) < '{days[0]:yyyy-MM-dd}', bool_and(fetched_to = '{days[3]:yyyy-MM-dd}')
                  FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 1
                """)).Should().Equal("1|True|True");
            (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.data_quality_findings WHERE run_id = '{run.Id}'"))
                .Should().Be(0);
            logs.Lines.Should().Contain(l => l.Contains("Provider fmp has no daily history for MSFT", StringComparison.Ordinal))
                .And.NotContain(l => l.Contains(ApiKey, StringComparison.Ordinal), "the API key is never logged");
            (await TestDatabase.RowsAsync("""
                SELECT symbol, name, asset_type, sector, industry FROM sigmasight.securities WHERE symbol IN ('AAPL', 'SPY', 'MSFT') ORDER BY 1
                """)).Should().Equal(
                "AAPL|Apple Inc. (vendor)|STOCK|Information Technology|Consumer Electronics",
                "MSFT|Microsoft Corporation|STOCK|Information Technology|Software",
                "SPY|SPDR S&P 500 ETF Trust (vendor)|ETF||");
            attempts["profile/AAPL"].Should().ContainSingle("one profile request a symbol")
                .Which.Should().Be($"?apikey={ApiKey}");
            attempts.Keys.Count(k => k.StartsWith("profile/", StringComparison.Ordinal)).Should().Be(attempts.Keys.Count(k => !k.Contains('/')),
                "the vendor was asked for the profile of every symbol it was asked the history of");
        }
    }

    /// <summary>The vendor's profile of AAPL (a stock in its own sector names) and SPY (an ETF); none of any other symbol.</summary>
    private static (int Status, string Body) Profile(string symbol) => symbol switch
    {
        "AAPL" => (200, """[{"symbol":"AAPL","companyName":"Apple Inc. (vendor)","sector":"Technology","industry":"Consumer Electronics","isEtf":false,"isFund":false}]"""),
        "SPY" => (200, """[{"symbol":"SPY","companyName":"SPDR S&P 500 ETF Trust (vendor)","sector":"Financial Services","industry":"Asset Management","isEtf":true,"isFund":false}]"""),
        _ => (200, "[]"),
    };

    [Fact]
    public async Task Run_FailsTheChunkAtOnce_NamingTheSymbol_WhenTheVendorsBodyIsMalformed()
    {
        var attempts = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        await using var vendor = await StartVendorAsync((symbol, _, _, _) => Task.FromResult(symbol == "AAPL"
            ? (200, """{"symbol":"AAPL","historical":[{"date":"2026-10-01","close":"n/a"}]}""") : (404, "{}")), attempts);
        await using var host = await StartHostAsync(vendor, new CapturedLogs());
        var days = await SeedAsync(host);

        var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);

        run.Status.Should().NotBe(RunStatus.Completed);
        (await TestDatabase.RowsAsync($"SELECT status, attempts, error FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 1"))
            .Should().Equal("Failed|1|MarketDataFormatException: provider fmp: malformed daily history for AAPL: " +
                "historical[0].close (2026-10-01) is missing or not a number");
        attempts["AAPL"].Should().ContainSingle("a malformed body is neither retried by the policy nor by Hangfire");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices")).Should().Be(0, "the chunk wrote nothing");
    }

    internal const string ApiKey = "integration-key-3f9a";

    internal static Task<BatchTestHost> StartHostAsync(FakeVendor vendor, CapturedLogs logs) => BatchTestHost.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["MarketData:Provider"] = "http",
            ["MarketData:Fallback"] = "synthetic",
            ["MarketData:Http:BaseUrl"] = vendor.BaseUrl,
            ["MarketData:Http:ApiKey"] = ApiKey,
            ["MarketData:Http:RetryDelay"] = "00:00:00.020",
            ["Logging:LogLevel:Default"] = "Debug",
        },
        configureServices: s => s.AddSingleton<ILoggerProvider>(logs));

    internal static async Task<List<DateOnly>> SeedAsync(BatchTestHost host)
    {
        await host.SeedDemoAsync();
        return await host.FirstTradingDaysAsync(4);
    }

    internal static async Task<FakeVendor> StartVendorAsync(Func<string, DateOnly, DateOnly, int, Task<(int Status, string Body)>> answer,
        ConcurrentDictionary<string, ConcurrentQueue<string>> attempts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/api/v3/historical-price-full/{symbol}", async (HttpContext context, string symbol) =>
        {
            var seen = attempts.GetOrAdd(symbol, _ => new ConcurrentQueue<string>());
            seen.Enqueue(context.Request.QueryString.Value ?? "");
            var from = DateOnly.ParseExact(context.Request.Query["from"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.ParseExact(context.Request.Query["to"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (status, body) = await answer(symbol, from, to, seen.Count);
            context.Response.StatusCode = status;
            if (status == 429) context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync(body);
        });
        app.MapGet("/api/v3/profile/{symbol}", async (HttpContext context, string symbol) =>
        {
            attempts.GetOrAdd($"profile/{symbol}", _ => new ConcurrentQueue<string>()).Enqueue(context.Request.QueryString.Value ?? "");
            var (status, body) = Profile(symbol);
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeVendor(app, address);
    }

    internal sealed class FakeVendor(WebApplication app, string baseUrl) : IAsyncDisposable
    {
        public string BaseUrl => baseUrl;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
