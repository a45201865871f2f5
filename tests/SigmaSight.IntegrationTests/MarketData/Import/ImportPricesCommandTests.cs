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

    [Fact]
    public async Task ImportPrices_Exits64_WhenAGzFileIsNotGzip_OrAPriceOverflowsOnceRounded()
    {
        await using (await BatchTestHost.StartAsync(withServers: false)) { }
        var plain = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.csv.gz");
        var huge = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(plain, "date,symbol,close\n2026-10-26,AAA,10\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(huge, "date,symbol,close\n2026-10-26,AAA,10\n2026-10-27,AAA,99999999999999.9999999\n",
            TestContext.Current.CancellationToken);
        try
        {
            var (notGzip, output) = await ServiceProcess.RunAsync(new Dictionary<string, string>(), "import-prices", plain);
            notGzip.Should().Be(ExitCodes.Usage, output);
            output.Should().Contain($"line 1: {plain} is not a gzip file").And.NotContain("Unhandled exception");

            var (overflow, refused) = await ServiceProcess.RunAsync(new Dictionary<string, string>(), "import-prices", huge);
            overflow.Should().Be(ExitCodes.Usage, refused);
            refused.Should().Contain("line 3: close 99999999999999.9999999 is too large");
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices")).Should().Be(0);
        }
        finally
        {
            File.Delete(plain);
            File.Delete(huge);
        }
    }
}
