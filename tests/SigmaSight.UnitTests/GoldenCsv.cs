using System.Globalization;

namespace SigmaSight.UnitTests;

/// <summary>Reads the golden CSV files written by the Python oracles in tests/oracles (no quoting, comma-separated).</summary>
internal static class GoldenCsv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", relativePath));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => ToRow(header, l.Split(',')))];
    }

    public static double Number(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ToRow(string[] header, string[] cells) =>
        header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
}
