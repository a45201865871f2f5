using CsvHelper;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// Reads an import CSV with CsvHelper: a header row naming the columns (any order, case-insensitive), then one row
/// per record with the line it starts on. A missing required column, an unknown or repeated one, malformed quoting or a
/// row whose field count differs from the header's is an <see cref="ImportError"/>; blank lines are skipped.
/// </summary>
internal static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(TextReader text, string file, IReadOnlyCollection<string> required,
        IReadOnlyCollection<string> optional, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(optional);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = bad => errors.Add(new ImportError(file, checked((int)bad.LineNumber), Malformed(bad))),
        };
        using var reader = CsvReader.Create(text, options, leaveOpen: true);
        var header = reader.Headers;
        if (header.Count == 0)
        {
            errors.Add(new ImportError(file, 1, $"the file is empty: a header row is required ({string.Join(',', required)})"));
            return [];
        }
        var columns = Columns(header, file, required, optional, errors);
        if (columns is null) return [];

        var rows = new List<CsvRow>();
        while (reader.Read())
            rows.Add(new CsvRow(file, checked((int)reader.LineNumber), columns, reader.Current.ToArray(), errors));
        return rows;
    }

    private static string Malformed(CsvMalformedRecord bad) => bad.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"the row's field count differs from the header's: {bad.RawRecord}",
        _ => $"malformed CSV ({bad.Reason}): {bad.RawRecord}",
    };

    private static Dictionary<string, int>? Columns(IReadOnlyList<string> header, string file, IReadOnlyCollection<string> required,
        IReadOnlyCollection<string> optional, List<ImportError> errors)
    {
        var before = errors.Count;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!required.Contains(name) && !optional.Contains(name))
                errors.Add(new ImportError(file, 1, $"unknown column '{header[i]}' (columns: {string.Join(',', required.Concat(optional))})"));
            else if (!columns.TryAdd(name, i))
                errors.Add(new ImportError(file, 1, $"column '{name}' appears twice"));
        }
        foreach (var name in required.Where(r => !columns.ContainsKey(r)))
            errors.Add(new ImportError(file, 1, $"missing column '{name}'"));
        return errors.Count == before ? columns : null;
    }
}
