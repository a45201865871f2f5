using System.Globalization;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.MarketData.Import;

/// <summary>Imports of good files: every row stored as given, a re-import changes nothing, gzip and any column order.</summary>
[Collection(SharedDatabase.Name)]
public sealed class PriceImportTests
{
    [Fact]
    public async Task Import_StoresEveryCloseOfTheDowJonesFile_AndASecondImportChangesNothing()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var lines = await PriceImports.DowJonesLinesAsync();
        var expected = lines.Skip(1).Select(l => l.Split(','))
            .Select(f => $"{f[1]}|{f[0]}|{decimal.Parse(f[2], CultureInfo.InvariantCulture).ToString("F6", CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal).ToList();

        await using (var file = File.OpenRead(PriceImports.DowJonesFile))
        {
            var first = await host.ImportAsync(file, name: PriceImports.DowJonesFile);
            first.Written.Should().BeTrue(string.Join("; ", first.Errors));
            (first.RowsRead, first.Inserted, first.Updated, first.Unchanged, first.Rejected).Should().Be((78_399L, 78_399L, 0L, 0L, 0L));
        }
        var stored = await PriceImports.StoredAsync();
        stored.Order(StringComparer.Ordinal).Should().Equal(expected, "every close of the file is stored exactly once, as written");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices WHERE source <> 'test'")).Should().Be(0);

        await using (var again = File.OpenRead(PriceImports.DowJonesFile))
        {
            var second = await host.ImportAsync(again, name: PriceImports.DowJonesFile);
            (second.Inserted, second.Updated, second.Unchanged, second.ClosesChanged).Should().Be((0L, 0L, 78_399L, 0L));
            second.Rebuilds.Should().BeEmpty();
        }
        (await PriceImports.StoredAsync()).Should().Equal(stored);
    }

    [Fact]
    public async Task Import_ReadsGzip_ByNameOrMagicBytes_AndOptionalColumnsInAnyOrder()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var csv = """
            symbol,volume,close,date,high,low,open
            AAA,1200,10.5,2026-10-26,11,10,10.25
            BBB,,20.125,2026-10-26,,,
            """;
        var gzip = PriceImports.Gzip(System.Text.Encoding.UTF8.GetBytes(csv));

        var byMagic = await host.ImportAsync(new MemoryStream(gzip), name: "-");
        byMagic.Written.Should().BeTrue(string.Join("; ", byMagic.Errors));
        byMagic.Inserted.Should().Be(2);
        (await TestDatabase.RowsAsync("SELECT symbol, close, open, high, low, volume FROM sigmasight.prices ORDER BY 1"))
            .Should().Equal("AAA|10.500000|10.250000|11.000000|10.000000|1200", "BBB|20.125000||||");

        var byName = await host.ImportAsync(new MemoryStream(gzip), name: "prices.csv.gz");
        (byName.Inserted, byName.Unchanged).Should().Be((0L, 2L));
    }

    [Fact]
    public async Task Import_KeepsStoredOptionalValues_WhenTheFileHasNone_AndCountsOnlyRealChanges()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        await host.ImportAsync("date,symbol,close,volume\n2026-10-26,AAA,10,500\n2026-10-27,AAA,11,600\n");

        var outcome = await host.ImportAsync("date,symbol,close\n2026-10-26,AAA,10.000\n2026-10-27,AAA,11.5\n2026-10-28,AAA,12\n");

        (outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.ClosesChanged).Should().Be((1L, 1L, 1L, 1L));
        outcome.Changes.Should().ContainSingle().Which.Should().Be(
            new Service.MarketData.Import.CloseChange("AAA", new DateOnly(2026, 10, 27), 11m, 11.5m));
        (await TestDatabase.RowsAsync("SELECT to_char(date, 'MM-DD'), close, volume FROM sigmasight.prices ORDER BY date"))
            .Should().Equal("10-26|10.000000|500", "10-27|11.500000|600", "10-28|12.000000|");
    }
}
