using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Portfolios.Import;

namespace SigmaSight.IntegrationTests.Portfolios;

/// <summary>
/// A small book of our own for the import tests, dated before <see cref="BatchTestHost.DefaultNow"/> (2026-10-30):
/// two portfolios, long and short stocks, a long call, a closed lot, a contribution and a withdrawal. Row i of
/// <see cref="LotRows"/> is line i + 2 of the lots file (the header is line 1); likewise for the flows.
/// </summary>
public static class ImportBook
{
    public const string LongShort = "Import Test Long/Short";
    public const string Income = "Import Test Income";
    public const string LotsHeader =
        "portfolio,owner,symbol,position_type,investment_class,quantity,entry_price,entry_date,exit_price,exit_date,underlying_symbol,strike_price,expiration_date";
    public const string FlowsHeader = "portfolio,date,type,amount";

    public static IReadOnlyList<string> LotRows { get; } =
    [
        $"{LongShort},pm@test.example,AAPL,LONG,PUBLIC,300,205.00,2026-09-01,,,,,",           // line 2
        $"{LongShort},pm@test.example,TSLA,SHORT,PUBLIC,-80,318.00,2026-09-01,,,,,",          // line 3
        $"{LongShort},pm@test.example,MSFT,LONG,PUBLIC,60,497.00,2026-09-01,505.50,2026-10-01,,,", // line 4: closed
        $"{LongShort},pm@test.example,SPY261218C00620000,LC,OPTIONS,3,14.20,2026-09-02,,,SPY,620,2026-12-18", // line 5
        $"{Income},owner@test.example,JNJ,LONG,PUBLIC,400,151.60,2026-09-01,,,,,",             // line 6
        $"{Income},owner@test.example,BND,LONG,PUBLIC,1200,72.40,2026-09-15,,,,,",            // line 7
        $"{Income},owner@test.example,PG,LONG,PUBLIC,150,157.10,2026-09-15,,,,,",              // line 8
    ];

    public static IReadOnlyList<string> FlowRows { get; } =
    [
        $"{LongShort},2026-09-01,CONTRIBUTION,150000",   // line 2
        $"{LongShort},2026-10-15,WITHDRAWAL,12000.50",   // line 3
        $"{Income},2026-09-01,CONTRIBUTION,300000",      // line 4
        $"{Income},2026-10-01,CONTRIBUTION,25000",       // line 5
    ];

    public static string Lots => Csv(LotsHeader, LotRows);

    public static string Flows => Csv(FlowsHeader, FlowRows);

    public static string Csv(string header, IEnumerable<string> rows) => string.Join("\n", rows.Prepend(header)) + "\n";

    /// <summary>The lots with row <paramref name="index"/> (0-based, line index + 2) replaced.</summary>
    public static string LotsWith(int index, string row) => Csv(LotsHeader, LotRows.Select((r, i) => i == index ? row : r));

    public static string FlowsWith(int index, string row) => Csv(FlowsHeader, FlowRows.Select((r, i) => i == index ? row : r));

    public static Task<ImportSummary> ImportAsync(BatchTestHost host, string lots, string? flows) =>
        host.WithScopeAsync(s => s.GetRequiredService<PortfolioImporter>().ImportAsync(
            new ImportSource("lots", new StringReader(lots)), flows is null ? null : new ImportSource("flows", new StringReader(flows)),
            CancellationToken.None));

    /// <summary>Writes <paramref name="text"/> to a new temporary file and returns its path.</summary>
    public static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sigmasight-import-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every stored portfolio, lot and flow as text: equal before and after means the import wrote nothing.</summary>
    public static async Task<List<string>> StoredBookAsync() =>
    [
        .. await TestDatabase.RowsAsync(
            "SELECT id, name, owner, inception_date, equity_balance, rebuild_from, is_active FROM sigmasight.portfolios ORDER BY id"),
        .. await TestDatabase.RowsAsync("""
            SELECT id, portfolio_id, symbol, position_type, investment_class, quantity, entry_price, entry_date, exit_price,
                   exit_date, underlying_symbol, strike_price, expiration_date, lot_index FROM sigmasight.positions ORDER BY id
            """),
        .. await TestDatabase.RowsAsync(
            "SELECT id, portfolio_id, change_date, change_type, amount FROM sigmasight.equity_changes ORDER BY id"),
    ];
}
