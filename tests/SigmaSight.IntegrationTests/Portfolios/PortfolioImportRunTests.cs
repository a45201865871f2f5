using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Portfolios.Import;

namespace SigmaSight.IntegrationTests.Portfolios;

/// <summary>
/// An imported book runs through Hangfire like the demo and matches the independent oracle fed with the CSV files; a
/// re-import changes nothing; editing the past schedules a rebuild that the next run performs.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PortfolioImportRunTests : IAsyncLifetime
{
    private static readonly DateOnly First = new(2026, 9, 1);
    private static readonly DateOnly Last = new(2026, 10, 30);
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync();
        var summary = await ImportBook.ImportAsync(_host, ImportBook.Lots, ImportBook.Flows);
        summary.PortfoliosCreated.Should().Be(2);
        (summary.LotsAdded, summary.FlowsAdded).Should().Be((7, 4));
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(First, Last)).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static Task<List<string>> SnapshotsAsync(string portfolio) => TestDatabase.RowsAsync($"""
        SELECT s.snapshot_date, s.equity_balance, s.cash_value, s.daily_pnl, s.daily_realized_pnl, s.daily_capital_flow,
               s.long_value, s.short_value, s.num_positions
          FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
         WHERE p.name = '{portfolio}' ORDER BY s.snapshot_date
        """);

    private static async Task<(int ExitCode, string Output)> OracleAsync(string lots, string flows)
    {
        var (lotsFile, flowsFile) = (ImportBook.WriteTemp(lots), ImportBook.WriteTemp(flows));
        try
        {
            return await Oracle.RecomputeSnapshotsAsync("--lots-csv", lotsFile, "--flows-csv", flowsFile);
        }
        finally
        {
            File.Delete(lotsFile);
            File.Delete(flowsFile);
        }
    }

    [Fact]
    public async Task ImportedBook_BackfilledThroughHangfire_MatchesTheOracleFromTheFiles_AndAReimportChangesNothing()
    {
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolio_snapshots")).Should().Be(2 * 43,
            "43 NYSE trading days from 2026-09-01 (Labor Day closed) through 2026-10-30 for each portfolio");
        var (exitCode, output) = await OracleAsync(ImportBook.Lots, ImportBook.Flows);
        exitCode.Should().Be(0, output);
        output.Should().Contain("recompute: 86 snapshots").And.Contain(" 0 mismatches");
        var longShort = await SnapshotsAsync(ImportBook.LongShort);
        longShort.Should().Contain(r => r.StartsWith("10/01/2026|", StringComparison.Ordinal) && r.Contains("|510.00|0.00|"),
            "MSFT's exit realises (505.50 − 497.00) × 60 = 510.00 on its exit date");
        longShort.Should().Contain(r => r.StartsWith("10/15/2026|", StringComparison.Ordinal) && r.Contains("|-12000.50|"),
            "the withdrawal is the day's capital flow");
        (await TestDatabase.ScalarAsync<string>(
                "SELECT min(inception_date)::text || ' ' || max(inception_date)::text FROM sigmasight.portfolios"))
            .Should().Be("2026-09-01 2026-09-01", "inception is the first flow's date");
        var stored = await ImportBook.StoredBookAsync();

        var again = await ImportBook.ImportAsync(_host, ImportBook.Lots, ImportBook.Flows);

        again.NothingChanged.Should().BeTrue();
        (again.LotsUnchanged, again.FlowsUnchanged, again.PortfoliosUnchanged).Should().Be((7, 4, 2));
        again.Portfolios.Should().OnlyContain(p => p.RecomputeFrom == null);
        (await ImportBook.StoredBookAsync()).Should().Equal(stored);
        again.Lines().Last().Should().Be("nothing changed: every row is stored as it is");
    }

    [Fact]
    public async Task EditingThePast_SchedulesARebuild_AndTheNextRunRebuildsFromThatDate()
    {
        var (longShortBefore, incomeBefore) = (await SnapshotsAsync(ImportBook.LongShort), await SnapshotsAsync(ImportBook.Income));
        var lots = ImportBook.Csv(ImportBook.LotsHeader, ImportBook.LotRows
            .Select(r => r.Replace("505.50,2026-10-01", "512.25,2026-10-08", StringComparison.Ordinal))
            .Append($"{ImportBook.Income},owner@test.example,V,LONG,PUBLIC,50,354.40,2026-10-05,,,,,"));
        var flows = ImportBook.Flows.Replace("2026-10-01,CONTRIBUTION,25000", "2026-10-01,CONTRIBUTION,30000", StringComparison.Ordinal);

        var summary = await ImportBook.ImportAsync(_host, lots, flows);

        var byName = summary.Portfolios.ToDictionary(p => p.Portfolio);
        byName[ImportBook.LongShort].Should().BeEquivalentTo(new { Status = PortfolioImportResult.Updated, LotsChanged = 1, LotsUnchanged = 3, RecomputeFrom = (DateOnly?)new DateOnly(2026, 10, 1) });
        byName[ImportBook.Income].Should().BeEquivalentTo(new { LotsAdded = 1, FlowsChanged = 1, RecomputeFrom = (DateOnly?)new DateOnly(2026, 10, 1) });
        (await TestDatabase.RowsAsync("SELECT rebuild_from FROM sigmasight.portfolios ORDER BY name"))
            .Should().Equal("10/01/2026", "10/01/2026");

        var handle = await _host.StartBackfillAsync(First, Last);
        handle.Joined.Should().BeFalse("a pending rebuild is not answered by the finished run of the same range");
        var run = await _host.WaitAsync(handle.RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3"))
            .Should().Be(2 * 22, "both portfolios are rebuilt from 2026-10-01: 22 trading days through 2026-10-30");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolios WHERE rebuild_from IS NOT NULL")).Should().Be(0);
        var (longShort, income) = (await SnapshotsAsync(ImportBook.LongShort), await SnapshotsAsync(ImportBook.Income));
        longShort.Take(21).Should().Equal(longShortBefore.Take(21), "days before 2026-10-01 are untouched");
        income.Take(21).Should().Equal(incomeBefore.Take(21));
        longShort[21].Should().NotBe(longShortBefore[21]).And.Contain("|0.00|0.00|", "MSFT no longer exits on 2026-10-01");
        longShort.Should().Contain(r => r.StartsWith("10/08/2026|", StringComparison.Ordinal) && r.Contains("|915.00|0.00|"),
            "(512.25 − 497.00) × 60 = 915.00 is realised on the new exit date");
        income[21].Should().Contain("|30000.00|", "the changed contribution");
        var (exitCode, output) = await OracleAsync(lots, flows);
        exitCode.Should().Be(0, output);
    }
}
