using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Demo;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;
using SigmaSight.IntegrationTests.Portfolios;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// A one-portfolio book on real Dow Jones closes for the data-quality tests: IBM, GE and KO held from the first of
/// ten trading days of December 2000, NYA as the market benchmark, prices imported from the shipped file (1999 on)
/// after a test has edited them, and the database-only provider.
/// </summary>
public static class DataQualityBook
{
    public const string Portfolio = "DQ Book";
    public static readonly IReadOnlyList<DateOnly> Days = DowJonesBook.LastDaysOf2000(20)[..10];
    private static readonly string[] Symbols = ["IBM", "GE", "KO", "NYA"];

    public static Dictionary<string, string?> Settings => new()
    {
        ["MarketData:Provider"] = "database",
        ["Analytics:MarketBenchmark"] = "NYA",
    };

    /// <summary>Imports the book's closes, each passed through <paramref name="edit"/> (null drops the row), and the book.</summary>
    public static async Task PrepareAsync(BatchTestHost host, Func<string, DateOnly, decimal, decimal?> edit)
    {
        var csv = new StringBuilder("date,symbol,close\n");
        foreach (var line in (await PriceImports.DowJonesLinesAsync()).Skip(1))
        {
            var fields = line.Split(',');
            var date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date.Year < 1999 || !Symbols.Contains(fields[1])) continue;
            if (edit(fields[1], date, decimal.Parse(fields[2], CultureInfo.InvariantCulture)) is { } close)
                csv.Append(CultureInfo.InvariantCulture, $"{fields[0]},{fields[1]},{close}\n");
        }
        var prices = await host.ImportAsync(csv.ToString(), source: "dowjones30");
        prices.Written.Should().BeTrue(string.Join("; ", prices.Errors));
        var inception = $"{Days[0]:yyyy-MM-dd}";
        var summary = await ImportBook.ImportAsync(host,
            ImportBook.Csv(ImportBook.LotsHeader, Symbols[..3].Select(s => $"{Portfolio},dq@test.example,{s},LONG,PUBLIC,100,50,{inception},,,,,")),
            ImportBook.Csv(ImportBook.FlowsHeader, [$"{Portfolio},{inception},CONTRIBUTION,100000.00"]));
        summary.PortfoliosCreated.Should().Be(1);
    }

    /// <summary>What <c>status RUN</c> prints for the run.</summary>
    public static async Task<string> StatusAsync(BatchTestHost host, Guid runId)
    {
        var status = new StringWriter();
        await host.WithScopeAsync(async s =>
        {
            await Service.Cli.StatusPrinter.PrintRunAsync(s.GetRequiredService<SigmaSightDbContext>(), runId, status, CancellationToken.None);
            return 0;
        });
        return status.ToString();
    }

    public static Task<List<string>> FindingsAsync(Guid runId, string kind) => TestDatabase.RowsAsync($"""
        SELECT severity, to_char(business_date, 'YYYY-MM-DD'), symbol, detail FROM sigmasight.data_quality_findings
         WHERE run_id = '{runId}' AND kind = '{kind}' ORDER BY business_date, symbol
        """);
}
