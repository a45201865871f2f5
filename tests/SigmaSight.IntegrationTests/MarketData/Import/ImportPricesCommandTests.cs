using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Cli;

namespace SigmaSight.IntegrationTests.MarketData.Import;

/// <summary>The <c>import-prices</c> verb as a user runs it: exit codes, the bad lines and the summary.</summary>
[Collection(SharedDatabase.Name)]
public sealed class ImportPricesCommandTests
{
    [Fact]
    public async Task ImportPrices_Exits64_ListingTheBadLine_ThenImportsWithSkipBadRows()
    {
        await using (await BatchTestHost.StartAsync(withServers: false)) { }
        var file = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "date,symbol,close\n2026-10-26,AAA,10\n2026-10-27,AAA,-1\n2026-10-28,AAA,12\n",
            TestContext.Current.CancellationToken);
        try
        {
            var (refused, output) = await ServiceProcess.RunAsync(new Dictionary<string, string>(), "import-prices", file);
            refused.Should().Be(ExitCodes.Usage, output);
            output.Should().Contain("refused, nothing written: 1 bad line(s) of 3").And.Contain("line 3: close -1 is not > 0");
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices")).Should().Be(0);

            var (exit, summary) = await ServiceProcess.RunAsync(new Dictionary<string, string>(),
                "import-prices", file, "--skip-bad-rows", "--source", "cli-test");
            exit.Should().Be(ExitCodes.Completed, summary);
            summary.Should().Contain("3 rows read, 2 inserted, 0 updated, 0 unchanged, 1 rejected").And.Contain("peak RSS")
                .And.Contain("line 3: close -1 is not > 0");
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices WHERE source = 'cli-test'")).Should().Be(2);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
