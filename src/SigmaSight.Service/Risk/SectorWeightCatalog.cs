using System.Globalization;

namespace SigmaSight.Service.Risk;

/// <summary>
/// Reads benchmark sector weights from CSV (<c>benchmark,as_of,sector,published_pct,weight,source</c>; lines
/// starting with '#' are comments; no quoted fields), as in <c>ReferenceData/sp500_sector_weights.csv</c>. Rejects
/// an unknown GICS sector, a weight outside [0, 1], a duplicate row, a missing source, or a (benchmark, as_of) whose
/// weights do not sum to 1 within 1e-9.
/// </summary>
public static class SectorWeightCatalog
{
    public const double SumTolerance = 1e-9;

    /// <summary>The embedded S&amp;P 500 weights.</summary>
    public static IReadOnlyList<SectorBenchmarkWeight> Load()
    {
        using var reader = new StreamReader(ReferenceDataFiles.Open(ReferenceDataFiles.Sp500SectorWeights));
        return Parse(reader, ReferenceDataFiles.Sp500SectorWeights);
    }

    public static IReadOnlyList<SectorBenchmarkWeight> Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var weights = new List<SectorBenchmarkWeight>();
        string[]? header = null;
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var fields = text.Split(',');
            if (header is null)
            {
                header = fields;
                if (!header.SequenceEqual(Columns)) throw Invalid(fileName, line, $"the header must be {string.Join(',', Columns)}");
                continue;
            }
            if (fields.Length != Columns.Length || text.Contains('"', StringComparison.Ordinal))
                throw Invalid(fileName, line, $"expected {Columns.Length} unquoted fields");
            var weight = ParseRow(fields, fileName, line);
            if (weights.Any(w => w.Benchmark == weight.Benchmark && w.AsOf == weight.AsOf && w.Sector == weight.Sector))
                throw Invalid(fileName, line, $"{weight.Benchmark} {weight.AsOf:yyyy-MM-dd} {weight.Sector} appears twice");
            weights.Add(weight);
        }
        foreach (var date in weights.GroupBy(w => (w.Benchmark, w.AsOf)))
        {
            var sum = date.Sum(w => w.Weight);
            if (Math.Abs(sum - 1) > SumTolerance)
                throw new InvalidDataException(
                    $"{fileName}: the weights of {date.Key.Benchmark} on {date.Key.AsOf:yyyy-MM-dd} sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, not 1");
        }
        if (weights.Count == 0) throw new InvalidDataException($"{fileName}: no weights");
        return weights;
    }

    private static readonly string[] Columns = ["benchmark", "as_of", "sector", "published_pct", "weight", "source"];

    private static SectorBenchmarkWeight ParseRow(string[] fields, string fileName, int line)
    {
        if (!DateOnly.TryParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            throw Invalid(fileName, line, $"as_of '{fields[1]}' is not a yyyy-MM-dd date");
        if (!double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Invalid(fileName, line, $"weight '{fields[4]}' is not a number");
        var weight = new SectorBenchmarkWeight { Benchmark = fields[0], AsOf = asOf, Sector = fields[2], Weight = value, Source = fields[5] };
        if (string.IsNullOrWhiteSpace(weight.Benchmark)) throw Invalid(fileName, line, "benchmark is required");
        if (!GicsSectors.All.Contains(weight.Sector)) throw Invalid(fileName, line, $"'{weight.Sector}' is not a GICS sector");
        if (weight.Weight is < 0 or > 1 || double.IsNaN(weight.Weight))
            throw Invalid(fileName, line, $"weight {fields[4]} of {weight.Sector} is outside [0, 1]");
        if (string.IsNullOrWhiteSpace(weight.Source)) throw Invalid(fileName, line, "source is required");
        return weight;
    }

    private static InvalidDataException Invalid(string fileName, int line, string reason) => new($"{fileName} line {line}: {reason}");
}
