using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using static SigmaSight.IntegrationTests.MarketData.DataQualityBook;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// Issue 8, point 6: the data-quality kinds beyond missing and stale, stored per run and shown by <c>status</c>: a
/// non-positive close from the provider (error, not stored), an implausible jump (warning), and a held symbol without
/// a price (stale warning, critical from two trading days, then unvalued and a failed P&amp;L naming symbol and date).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DataQualityKindsTests
{
    [Fact]
    public async Task Jump_OfMoreThan50Percent_IsAWarningOnBothDays_AndTheRunStillCompletes()
    {
        await using var host = await BatchTestHost.StartAsync(settings: Settings);
        // IBM's close of day 4 (92.78) tripled, as a vendor's unadjusted or mistyped close would be.
        await PrepareAsync(host, (symbol, date, close) => symbol == "IBM" && date == Days[4] ? close * 3 : close);

        var run = await host.WaitAsync((await host.StartBackfillAsync(Days[0], Days[^1])).RunId);

        run.Status.Should().Be(RunStatus.Completed, "a jump asks for a look but may be real: " + run.Summary);
        var jumps = await FindingsAsync(run.Id, "jump");
        jumps.Should().HaveCount(2).And.AllSatisfy(j => j.Should().StartWith("warning|"));
        jumps[0].Should().StartWith($"warning|{Days[4]:yyyy-MM-dd}|IBM|IBM closed ").And.Contain($"after 96.4 on {Days[3]:yyyy-MM-dd}: a return of +188.7%")
            .And.EndWith("beyond ±50% with no split recorded (no splits table: closes must be split-adjusted)");
        jumps[1].Should().StartWith($"warning|{Days[5]:yyyy-MM-dd}|IBM|").And.Contain("a return of -6").And.Contain($"after 278.34 on {Days[4]:yyyy-MM-dd}");
        (await StatusAsync(host, run.Id)).Should().MatchRegex($@"warning\s+jump\s+{Days[4]:yyyy-MM-dd} IBM\s+IBM closed");
    }

    [Fact]
    public async Task NonPositiveClose_FromTheProvider_IsAnError_NotStored_AndTheDayIsValuedStale()
    {
        await using var host = await BatchTestHost.StartAsync(settings: Settings,
            configureServices: s => s.Replace(ServiceDescriptor.Scoped<IMarketDataProvider, NegativeIbmProvider>()));
        await PrepareAsync(host, (symbol, date, close) => symbol == "IBM" && date == Days[4] ? null : close);

        var run = await host.WaitAsync((await host.StartBackfillAsync(Days[0], Days[^1])).RunId);

        run.Status.Should().Be(RunStatus.CompletedWithErrors);
        var detail = $"provider bad-vendor gave IBM a close of -1.25 on {Days[4]:yyyy-MM-dd}: a close must be positive; not stored, the day counts as missing";
        (await FindingsAsync(run.Id, "non_positive")).Should().Equal($"error|{Days[4]:yyyy-MM-dd}|IBM|{detail}");
        run.Summary.Should().Contain($"non-positive close: {detail}");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.prices WHERE symbol = 'IBM' AND date = '{Days[4]:yyyy-MM-dd}'"))
            .Should().Be(0);
        (await FindingsAsync(run.Id, "missing")).Should().Contain(f => f.StartsWith($"error|{Days[4]:yyyy-MM-dd}|IBM|", StringComparison.Ordinal));
        (await FindingsAsync(run.Id, "stale")).Should().ContainSingle().Which.Should().StartWith($"warning|{Days[4]:yyyy-MM-dd}|IBM|");
        (await StatusAsync(host, run.Id)).Should().MatchRegex($@"\n  error\s+non_positive\s+{Days[4]:yyyy-MM-dd} IBM\s+provider bad-vendor");
    }

    /// <summary>The database's closes, plus a negative close of IBM on day 4 (which the database lacks).</summary>
    private sealed class NegativeIbmProvider : IMarketDataProvider
    {
        public string Source => "bad-vendor";

        public Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
            IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>>(
                symbols.Contains("IBM") && firstDate <= Days[4] && Days[4] <= lastDate
                    ? new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> { ["IBM"] = [new(Days[4], -1.25m)] }
                    : []);

        public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SecurityReference>>([]);
    }
}
