using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.MarketData.Import;

namespace SigmaSight.IntegrationTests.MarketData.Import;

/// <summary>Runs the real <see cref="PriceImporter"/> of a host on CSV text, as the CLI and the API do.</summary>
public static class PriceImports
{
    /// <summary>The Dow Jones 30 closes shipped with the repository (data/dowjones30, gzip, attribution beside it).</summary>
    public static string DowJonesFile => Path.Combine(Oracle.RepoRoot, "data", "dowjones30", "prices.csv.gz");

    /// <summary>The lines of <see cref="DowJonesFile"/>, decompressed.</summary>
    public static async Task<List<string>> DowJonesLinesAsync()
    {
        await using var file = File.OpenRead(DowJonesFile);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line) lines.Add(line);
        return lines;
    }

    public static Task<PriceImportResult> ImportAsync(this BatchTestHost host, string csv, bool skipBadRows = false,
        string name = "test.csv", string source = "test") =>
        host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), skipBadRows, name, source);

    public static Task<PriceImportResult> ImportAsync(this BatchTestHost host, Stream content, bool skipBadRows = false,
        string name = "test.csv", string source = "test") =>
        host.WithScopeAsync(s => s.GetRequiredService<PriceImporter>()
            .ImportAsync(new PriceImportRequest(content, name, source, skipBadRows), TestContext.Current.CancellationToken));

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return buffer.ToArray();
    }

    /// <summary>Every stored price as "symbol|date|close" (close as stored, 6 decimals).</summary>
    public static Task<List<string>> StoredAsync(string where = "true") =>
        TestDatabase.RowsAsync($"SELECT symbol, to_char(date, 'YYYY-MM-DD'), close FROM sigmasight.prices WHERE {where} ORDER BY 1, 2");
}
