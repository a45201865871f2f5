namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// What an import did. <see cref="Written"/> is false when the file was refused (nothing was written).
/// <see cref="Updated"/> counts stored rows rewritten (a changed close, open, high, low or volume);
/// <see cref="ClosesChanged"/> those whose close changed, the first few listed in <see cref="Changes"/>.
/// <see cref="Errors"/> holds the first <see cref="PriceImporter.MaxListedErrors"/> bad lines in line order;
/// <see cref="Rejected"/> counts them all.
/// </summary>
public sealed record PriceImportResult(
    bool Written,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Rejected,
    long ClosesChanged,
    IReadOnlyList<PriceImportError> Errors,
    IReadOnlyList<CloseChange> Changes,
    IReadOnlyList<PortfolioRebuild> Rebuilds,
    TimeSpan Elapsed)
{
    /// <summary>Wall time of each step (read and copy, match, upsert, report and commit), for the benchmark.</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Steps { get; init; } = [];

    /// <summary>Data rows read per second of wall time.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsRead / Elapsed.TotalSeconds : 0;

    public static PriceImportResult Refused(long rowsRead, long rejected, IReadOnlyList<PriceImportError> errors, TimeSpan elapsed) =>
        new(false, rowsRead, 0, 0, 0, rejected, 0, errors, [], [], elapsed);
}

/// <summary>A stored close the import replaced.</summary>
public sealed record CloseChange(string Symbol, DateOnly Date, decimal OldClose, decimal NewClose);

/// <summary>A portfolio whose snapshots from <see cref="From"/> on used a replaced close: the next run rebuilds them.</summary>
public sealed record PortfolioRebuild(Guid PortfolioId, string Portfolio, DateOnly From);
