using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Portfolios.Import;

namespace SigmaSight.IntegrationTests.Portfolios;

/// <summary>The stored book of <see cref="ImportBook"/>, imported once for the refusal cases.</summary>
public sealed class ImportedBookFixture : IAsyncLifetime
{
    public BatchTestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await BatchTestHost.StartAsync(withServers: false);
        await ImportBook.ImportAsync(Host, ImportBook.Lots, ImportBook.Flows);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Every refusal names the file, the line and the reason, and leaves the stored book exactly as it was, although the
/// same files also carry a valid new flow that a partial import would have written.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PortfolioImportValidationTests(ImportedBookFixture fixture) : IClassFixture<ImportedBookFixture>
{
    private const string NewFlow = $"{ImportBook.Income},2026-10-20,CONTRIBUTION,1000\n";

    [Theory]
    [MemberData(nameof(ImportRefusalCases.All), MemberType = typeof(ImportRefusalCases))]
    public async Task InvalidRow_RefusesTheWholeImport_NamingTheLineAndReason_AndChangesNothing(
        string reason, string lots, string flows, string file, int line, string expected)
    {
        var stored = await ImportBook.StoredBookAsync();

        var act = () => ImportBook.ImportAsync(fixture.Host, lots, flows + NewFlow);

        var refusal = (await act.Should().ThrowAsync<PortfolioImportException>(reason)).Which;
        refusal.Errors.Should().ContainSingle(reason).Which.Should().Match<ImportError>(e => e.File == file && e.Line == line);
        refusal.Errors[0].Reason.Should().Contain(expected);
        refusal.Message.Should().Contain($"{file} line {line}: {expected}").And.StartWith("import refused: 1 error(s), nothing was written");
        (await ImportBook.StoredBookAsync()).Should().Equal(stored, "nothing stored changes when any row is refused");
    }

    [Fact]
    public async Task TheValidNewFlowAlone_IsImported_SoTheRefusalsAboveReallyHeldItBack()
    {
        var summary = await ImportBook.ImportAsync(fixture.Host, ImportBook.Lots, ImportBook.Flows + NewFlow);
        try
        {
            (summary.FlowsAdded, summary.LotsUnchanged).Should().Be((1, 7));
        }
        finally
        {
            await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.equity_changes WHERE change_date = '2026-10-20'");
        }
    }

    [Fact]
    public async Task ASymbolTheProviderLacks_IsAccepted_WhenItsClosesAreStored()
    {
        await TestDatabase.ExecuteAsync(
            "INSERT INTO sigmasight.prices (symbol, date, close, source) VALUES ('OWNCO', '2026-09-01', 12.5, 'test')");
        var lots = ImportBook.Csv(ImportBook.LotsHeader,
            ImportBook.LotRows.Append($"{ImportBook.Income},owner@test.example,OWNCO,LONG,PUBLIC,100,12.40,2026-09-15,,,,,"));
        try
        {
            (await ImportBook.ImportAsync(fixture.Host, lots, ImportBook.Flows)).LotsAdded.Should().Be(1);
        }
        finally
        {
            await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.positions WHERE symbol = 'OWNCO'");
            await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol = 'OWNCO'");
        }
    }

    [Fact]
    public async Task ManyBadRows_AllCounted_TheFirst20Shown()
    {
        var bad = Enumerable.Range(0, 25).Select(i => $"{ImportBook.LongShort},pm@test.example,AAPL,LONG,PUBLIC,{i + 1},0,2026-09-01,,,,,");
        var act = () => ImportBook.ImportAsync(fixture.Host, ImportBook.Csv(ImportBook.LotsHeader, bad), ImportBook.Flows);

        var refusal = (await act.Should().ThrowAsync<PortfolioImportException>()).Which;

        refusal.Errors.Should().HaveCount(25).And.OnlyContain(e => e.Reason == "entry_price 0 is not positive");
        refusal.Errors.Select(e => e.Line).Should().Equal(Enumerable.Range(2, 25));
        refusal.Message.Should().StartWith("import refused: 25 error(s), nothing was written")
            .And.Contain("lots line 21: entry_price 0 is not positive").And.NotContain("lots line 22:").And.EndWith("… and 5 more");
    }
}
