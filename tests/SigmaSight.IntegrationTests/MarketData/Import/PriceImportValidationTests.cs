using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.MarketData.Import;

/// <summary>A bad line refuses the whole file (nothing written) naming its number and reason; skip-bad-rows writes the rest.</summary>
[Collection(SharedDatabase.Name)]
public sealed class PriceImportValidationTests
{
    private const string Header = "date,symbol,close\n";
    private const string Good = "2026-10-26,AAA,10\n2026-10-27,AAA,11\n";

    public static TheoryData<string, long, string> BadLines => new()
    {
        { "2026-10-28,AAA,abc", 4, "unparsable close 'abc'" },
        { "2026-10-28,AAA,0", 4, "close 0 is not > 0" },
        { "2026-10-28,AAA,-1.5", 4, "close -1.5 is not > 0" },
        { "2026-10-28,AAA,", 4, "missing close" },
        { "2026-13-01,AAA,10", 4, "bad date '2026-13-01' (expected yyyy-MM-dd)" },
        { "10/28/2026,AAA,10", 4, "bad date '10/28/2026' (expected yyyy-MM-dd)" },
        { "2026-10-31,AAA,10", 4, "2026-10-31 is not an NYSE trading day (Saturday)" },
        { "2026-11-26,AAA,10", 4, "2026-11-26 is not an NYSE trading day (Thanksgiving Day)" },
        { "2026-10-28,,10", 4, "empty symbol" },
        { "2026-10-28,AAA,10,5", 4, "has 4 field(s), the header has 3" },
        { "2026-10-26,AAA,10", 4, "duplicate of line 2 (AAA on 2026-10-26)" },
        { "2026-10-28,AAA,0.0000001", 4, "close 0.0000001 is not > 0 once rounded to 6 decimals" },
        { "2026-10-28,AAA,99999999999999.9999999", 4, "close 99999999999999.9999999 is too large (at most 14 integer digits once rounded to 6 decimals)" },
        { "2026-10-28,A\0A,10", 4, "symbol 'A\\u0000A' contains a control character (U+0000)" },
        { "0001-01-03,AAA,10", 4, "date 0001-01-03 is outside the supported dates 1900-01-01..2199-12-31" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Import_RefusesTheFile_NamingTheLineAndReason_AndWritesNothing(string bad, long line, string reason)
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);

        var outcome = await host.ImportAsync(Header + Good + bad + "\n2026-10-29,BBB,5\n");

        outcome.Written.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Should().Be(new Service.MarketData.Import.PriceImportError(line, reason));
        (outcome.RowsRead, outcome.Rejected).Should().Be((4L, 1L));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices")).Should().Be(0, "nothing is written");
    }

    [Fact]
    public async Task Import_RefusesADayAnOperatorClosed_AndADuplicateOfAStoredKey()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        await TestDatabase.ExecuteAsync("INSERT INTO sigmasight.market_closures (date, reason) VALUES ('2026-10-28', 'test closure')");
        (await host.ImportAsync(Header + Good)).Inserted.Should().Be(2);

        var outcome = await host.ImportAsync(Header + "2026-10-28,AAA,12\n2026-10-26,AAA,10\n2026-10-26,AAA,10.5\n");

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "line 2: 2026-10-28 is not an NYSE trading day (operator closure)",
            "line 4: duplicate of line 3 (AAA on 2026-10-26)");
        (await PriceImports.StoredAsync()).Should().Equal("AAA|2026-10-26|10.000000", "AAA|2026-10-27|11.000000");
    }

    [Fact]
    public async Task Import_KeepsTheFirstLineOfAStoredKeyGivenTwice_WithSkipBadRows_AndRefusesItWithout()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        (await host.ImportAsync(Header + Good)).Inserted.Should().Be(2);
        var twice = Header + "2026-10-26,AAA,10\n2026-10-26,AAA,10.5\n2026-10-28,AAA,12\n";

        var refused = await host.ImportAsync(twice);
        refused.Errors.Select(e => e.ToString()).Should().Equal("line 3: duplicate of line 2 (AAA on 2026-10-26)");
        refused.Written.Should().BeFalse();

        var skipped = await host.ImportAsync(twice, skipBadRows: true);
        (skipped.Inserted, skipped.Updated, skipped.Unchanged, skipped.Rejected).Should().Be((1L, 0L, 1L, 1L));
        (await PriceImports.StoredAsync()).Should().Equal("AAA|2026-10-26|10.000000", "AAA|2026-10-27|11.000000", "AAA|2026-10-28|12.000000");
    }

    [Theory]
    [InlineData("symbol,close\n2026-10-26,AAA\n", "missing required column 'date'")]
    [InlineData("date,symbol,price\n", "unknown column 'price'")]
    [InlineData("date,symbol,close,close\n", "column 'close' appears twice")]
    [InlineData("2026-10-26,AAA,10\n", "the first line must be the header")]
    [InlineData("", "the file is empty")]
    public async Task Import_RefusesABadHeader_EvenWithSkipBadRows(string csv, string reason)
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);

        var outcome = await host.ImportAsync(csv, skipBadRows: true);

        outcome.Written.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Line.Should().Be(1);
        outcome.Errors[0].Reason.Should().Contain(reason);
    }

    [Fact]
    public async Task Import_WithSkipBadRows_WritesTheGoodRows_AndNamesEachBadOne()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var csv = Header + Good + "2026-10-31,AAA,10\n2026-10-28,AAA,-2\n2026-10-29,BBB,5\n2026-10-29,BBB,6\n2026-10-30,,1\n";

        var outcome = await host.ImportAsync(csv, skipBadRows: true);

        outcome.Written.Should().BeTrue();
        (outcome.RowsRead, outcome.Inserted, outcome.Rejected).Should().Be((7L, 3L, 4L));
        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "line 4: 2026-10-31 is not an NYSE trading day (Saturday)",
            "line 5: close -2 is not > 0",
            "line 7: duplicate of line 6 (BBB on 2026-10-29)",
            "line 8: empty symbol");
        (await PriceImports.StoredAsync()).Should().Equal(
            "AAA|2026-10-26|10.000000", "AAA|2026-10-27|11.000000", "BBB|2026-10-29|5.000000");
    }

    [Fact]
    public async Task Import_WithSkipBadRows_SkipsThePricesThatRoundToZeroOrOverflow_AndStoresNoZeroOpenOrLow()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var csv = "date,symbol,close,open,high,low\n2026-10-26,AAA,10,9,11,8\n2026-10-27,AAA,0.0000001,,,\n" +
            "2026-10-28,AAA,10,0.0000001,11,9\n2026-10-29,AAA,10,9,11,0.0000004\n2026-10-30,AAA,99999999999999.9999999,,,\n" +
            "2026-10-30,BBB,5,5,5,0.0000005\n";

        var outcome = await host.ImportAsync(csv, skipBadRows: true);

        outcome.Written.Should().BeTrue();
        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "line 3: close 0.0000001 is not > 0 once rounded to 6 decimals",
            "line 4: open 0.0000001 is not > 0 once rounded to 6 decimals",
            "line 5: low 0.0000004 is not > 0 once rounded to 6 decimals",
            "line 6: close 99999999999999.9999999 is too large (at most 14 integer digits once rounded to 6 decimals)");
        (await TestDatabase.RowsAsync("SELECT symbol, to_char(date, 'YYYY-MM-DD'), open, low FROM sigmasight.prices ORDER BY 1, 2"))
            .Should().Equal("AAA|2026-10-26|9.000000|8.000000", "BBB|2026-10-30|5.000000|0.000001");
    }

    [Theory]
    [InlineData("prices.csv.gz", "date,symbol,close\n2026-10-26,AAA,10\n", "prices.csv.gz is not a gzip file")]
    [InlineData("prices.csv", "\u001f\u008bnot deflate data at all", "it is not a valid gzip file")]
    [InlineData("prices.csv", "\u001f\u008b\u0008\u0000", "the gzip data ends after 4 byte(s), before its first member is complete")]
    public async Task Import_RefusesAFileThatIsNotReadableGzip_NamingTheReason(string name, string content, string reason)
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);

        var outcome = await host.ImportAsync(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(content)), skipBadRows: true, name: name);

        outcome.Written.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Line.Should().Be(1);
        outcome.Errors[0].Reason.Should().Contain(reason);
    }

    [Theory]
    [InlineData("1f8b080000000000000303000000000000000000", "gzip -c < /dev/null")]
    [InlineData("", "no bytes at all")]
    public async Task Import_ReadsAnEmptyGzipFile_AsAnEmptyFile(string hex, string because)
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);

        var outcome = await host.ImportAsync(new MemoryStream(Convert.FromHexString(hex)), name: "prices.csv.gz");

        outcome.Errors.Should().ContainSingle(because).Which.Reason.Should().StartWith("the file is empty", because);
    }

    [Fact]
    public async Task Import_CountsEveryBadLine_AndListsThemInLineOrder_WhenThereAreMany()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var bad = string.Concat(Enumerable.Range(0, 1_500).Select(i => $"2026-10-26,S{i},x\n"));

        var outcome = await host.ImportAsync(Header + Good + bad + "2026-10-26,AAA,12\n");

        outcome.Rejected.Should().Be(1_501);
        outcome.Errors.Should().HaveCount(Service.MarketData.Import.PriceImporter.MaxListedErrors)
            .And.BeInAscendingOrder(e => e.Line);
        outcome.Errors[0].Should().Be(new Service.MarketData.Import.PriceImportError(4, "unparsable close 'x'"));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices")).Should().Be(0);
    }
}
