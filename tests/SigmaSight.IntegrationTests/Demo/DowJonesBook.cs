using System.Globalization;
using System.IO.Compression;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Demo;

/// <summary>
/// The Dow Jones demo's files (data/dowjones30) and a shorter variant of its book for CI: the same lots and starting
/// capital, entered on the first day of a shorter window of 2000 (the mid-window exit and flows are left out).
/// </summary>
public static class DowJonesBook
{
    public static string Folder { get; } = Path.Combine(Oracle.RepoRoot, "data", "dowjones30");
    public static string Prices { get; } = Path.Combine(Folder, "prices.csv.gz");
    public static string FactorModel { get; } = Path.Combine(Folder, "factor-model.sql");

    /// <summary>The last <paramref name="count"/> trading days of 2000 in the price file, as the demo script takes them.</summary>
    public static List<DateOnly> LastDaysOf2000(int count)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Prices), CompressionMode.Decompress));
        var dates = new SortedSet<DateOnly>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var date = DateOnly.ParseExact(line[..line.IndexOf(',', StringComparison.Ordinal)], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date.Year == 2000) dates.Add(date);
        }
        return [.. dates.TakeLast(count)];
    }

    /// <summary>Writes the demo's lots and flows moved to <paramref name="inception"/> into temp files.</summary>
    public static (string Lots, string Flows) WriteShortened(DateOnly inception)
    {
        var day = inception.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lots = File.ReadAllLines(Path.Combine(Folder, "lots.csv"));
        var flows = File.ReadAllLines(Path.Combine(Folder, "flows.csv"));
        var original = flows.Skip(1).Select(l => l.Split(',')[1]).Min(StringComparer.Ordinal)!;
        var lotsFile = Path.Combine(Path.GetTempPath(), $"dow-lots-{Guid.NewGuid():N}.csv");
        var flowsFile = Path.Combine(Path.GetTempPath(), $"dow-flows-{Guid.NewGuid():N}.csv");
        // A lot with an exit (the 9th of 13 columns) is left out; every other lot is entered on the new inception.
        File.WriteAllLines(lotsFile, lots.Take(1).Concat(lots.Skip(1).Where(l => l.Split(',')[8].Length == 0)
            .Select(l => l.Replace(original, day, StringComparison.Ordinal))));
        File.WriteAllLines(flowsFile, flows.Take(1).Concat(flows.Skip(1).Where(l => l.Split(',')[1] == original)
            .Select(l => l.Replace(original, day, StringComparison.Ordinal))));
        return (lotsFile, flowsFile);
    }
}
