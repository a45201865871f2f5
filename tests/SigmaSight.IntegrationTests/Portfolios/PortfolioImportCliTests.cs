using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Portfolios;

/// <summary><c>import-portfolios</c> as an operator runs it: the built binary, files on disk, exit codes.</summary>
[Collection(SharedDatabase.Name)]
public sealed class PortfolioImportCliTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public async Task ImportPortfolios_Exits64ListingTheFirst20BadLines_ThenImportsTheExampleFiles()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        var bad = Enumerable.Range(0, 23).Select(i => $"Bad Fund,x@test.example,AAPL,LONG,PUBLIC,0,1,2026-09-01,,,,,");
        var lots = ImportBook.WriteTemp(ImportBook.Csv(ImportBook.LotsHeader, bad));
        try
        {
            var (exitCode, output) = await ServiceProcess.RunAsync(NoSettings, "import-portfolios", "--lots", lots);

            exitCode.Should().Be(64, output);
            output.Should().Contain("error: import refused: 23 error(s), nothing was written")
                .And.Contain($"{lots} line 2: quantity is zero").And.Contain($"{lots} line 21: quantity is zero")
                .And.NotContain($"{lots} line 22:").And.Contain("… and 3 more");
        }
        finally
        {
            File.Delete(lots);
        }
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolios")).Should().Be(0);

        var examples = Path.Combine(Oracle.RepoRoot, "deploy", "examples");
        var (code, summary) = await ServiceProcess.RunAsync(NoSettings, "import-portfolios",
            "--lots", Path.Combine(examples, "lots.csv"), "--flows", Path.Combine(examples, "flows.csv"));

        code.Should().Be(0, summary);
        summary.Should().StartWith("import-portfolios: portfolios 2 created, 0 updated, 0 unchanged; lots 10 added")
            .And.Contain("no recompute needed");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.positions")).Should().Be(10);
    }

    [Fact]
    public async Task ImportPortfolios_Exits64NamingFileLineAndField_ForDatesOutsideTheSupportedRange()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        var lots = ImportBook.WriteTemp(ImportBook.Csv(ImportBook.LotsHeader, ImportBook.LotRows.Concat([
            $"{ImportBook.LongShort},pm@test.example,SPYC,LC,OPTIONS,3,14.20,2026-09-02,,,SPY,620,0001-01-01",
            $"{ImportBook.LongShort},pm@test.example,ZZZQ,LONG,PUBLIC,300,205.00,9999-12-31,,,,,"])));
        var flows = ImportBook.WriteTemp(ImportBook.Flows);
        try
        {
            var (exitCode, output) = await ServiceProcess.RunAsync(NoSettings, "import-portfolios", "--lots", lots, "--flows", flows);

            exitCode.Should().Be(64, output);
            output.Should().Contain("error: import refused: 2 error(s), nothing was written")
                .And.Contain($"{lots} line 9: expiration_date 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31")
                .And.Contain($"{lots} line 10: entry_date 9999-12-31 is outside the supported dates").And.NotContain("Unhandled exception");
        }
        finally
        {
            File.Delete(lots);
            File.Delete(flows);
        }
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolios")).Should().Be(0);
    }
}
