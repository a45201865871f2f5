using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.MarketData.Import;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.MarketData.Import;

/// <summary>
/// The first import into an empty <c>prices</c> copies straight into the table and builds its key after: it stores
/// exactly what the merge would, names a duplicate's line wherever it is in the file, and a refused file leaves the
/// table and its key as they were.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PriceInitialLoadTests
{
    private const string InitialLoad = "read and copy (initial load)";

    [Fact]
    public async Task InitialLoad_StoresEachValueAsTheMergeWould_RoundedToTheColumnsScale()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var csv = """
            date,symbol,close,open,high,low,volume
            2026-10-26,A,0.000001,0.0000005,1e3,10000,0
            2026-10-26,B,12345678901234.999999,99999999999999.9999994,123456.78901234,0.1,9223372036854775807
            2026-10-26,C,100000000,1.5,1.23456749,20.125,
            2026-10-26,D\x,7.00,,,,12
            2026-10-27,A,3.14159265358979323846264338,00012.3400,.5,5.,1
            """;

        var first = await host.ImportAsync(csv);

        first.Written.Should().BeTrue(string.Join("; ", first.Errors));
        first.Steps.Select(s => s.Key).Should().Contain(InitialLoad, "prices was empty");
        (await TestDatabase.RowsAsync("SELECT symbol, to_char(date, 'MM-DD'), close, open, high, low, volume, source FROM sigmasight.prices ORDER BY 1, 2"))
            .Should().Equal(
                "A|10-26|0.000001|0.000001|1000.000000|10000.000000|0|test",
                "A|10-27|3.141593|12.340000|0.500000|5.000000|1|test",
                "B|10-26|12345678901234.999999|99999999999999.999999|123456.789012|0.100000|9223372036854775807|test",
                "C|10-26|100000000.000000|1.500000|1.234567|20.125000||test",
                @"D\x|10-26|7.000000||||12|test");
        (await TestDatabase.ScalarAsync<string>("""
            SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_prices' AND contype = 'p'
            """)).Should().Be("PRIMARY KEY (symbol, date)", "the key is built again under its name");

        var again = await host.ImportAsync(csv);
        again.Steps.Select(s => s.Key).Should().NotContain(InitialLoad);
        (again.Inserted, again.Updated, again.Unchanged).Should().Be((0L, 0L, 5L), "the merge finds every value stored as it would store it");
    }

    [Fact]
    public async Task InitialLoad_NamesADuplicatesLinesFarApart_AndWithSkipBadRowsKeepsTheFirst()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var csv = new StringBuilder("date,symbol,close\n");
        for (var i = 0; i < 30_000; i++) csv.Append($"2026-10-26,S{i:D5},{i + 1}.5\n"); // lines 2..30001
        csv.Append("2026-10-31,S00001,1\n");     // line 30002: a Saturday
        csv.Append("2026-10-26,S00007,99\n");    // line 30003: duplicate of line 9
        csv.Append("2026-10-27,S00007,8.5\n");   // line 30004
        csv.Append("2026-10-26,S29999,1\n");     // line 30005: duplicate of line 30001

        var refused = await host.ImportAsync(csv.ToString());

        refused.Written.Should().BeFalse();
        refused.Errors.Select(e => e.ToString()).Should().Equal(
            "line 30002: 2026-10-31 is not an NYSE trading day (Saturday)",
            "line 30003: duplicate of line 9 (S00007 on 2026-10-26)",
            "line 30005: duplicate of line 30001 (S29999 on 2026-10-26)");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conname = 'pk_prices'"))
            .Should().Be(1, "the refused load is rolled back with the key it dropped");

        var skipped = await host.ImportAsync(csv.ToString(), skipBadRows: true);

        skipped.Written.Should().BeTrue();
        skipped.Steps.Select(s => s.Key).Should().Contain(InitialLoad);
        (skipped.RowsRead, skipped.Inserted, skipped.Rejected).Should().Be((30_004L, 30_001L, 3L));
        skipped.Errors.Select(e => e.Line).Should().Equal(30_002, 30_003, 30_005);
        (await PriceImports.StoredAsync("symbol IN ('S00007', 'S29999')")).Should().Equal(
            "S00007|2026-10-26|8.500000", "S00007|2026-10-27|8.500000", "S29999|2026-10-26|30000.500000");
    }

    [Fact]
    public async Task ARoleThatMayNotAlterPrices_MergesIntoTheEmptyTable_Instead()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        var role = $"price_writer_{Guid.NewGuid():N}"; // roles are the cluster's: one per test run
        await TestDatabase.ExecuteAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD '{role}';
            GRANT USAGE ON SCHEMA sigmasight TO {role};
            GRANT SELECT, INSERT, UPDATE ON sigmasight.prices TO {role};
            GRANT SELECT ON sigmasight.market_closures TO {role};
            """);
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Username = role, Password = role };
        await using var db = new SigmaSightDbContext(new DbContextOptionsBuilder<SigmaSightDbContext>().UseNpgsql(connection.ConnectionString).Options);
        var importer = new PriceImporter(db, TimeProvider.System, NullLogger<PriceImporter>.Instance);

        var outcome = await importer.ImportAsync(new PriceImportRequest(
            new MemoryStream("date,symbol,close\n2026-10-26,AAA,10\n"u8.ToArray()), "test.csv", "test", SkipBadRows: false),
            TestContext.Current.CancellationToken);

        outcome.Written.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Steps.Select(s => s.Key).Should().NotContain(InitialLoad, "only the table's owner may drop and rebuild its key");
        (await PriceImports.StoredAsync()).Should().Equal("AAA|2026-10-26|10.000000");
        await TestDatabase.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role};");
    }
}
