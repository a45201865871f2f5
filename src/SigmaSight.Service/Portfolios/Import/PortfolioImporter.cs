using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// Imports portfolios from a lots CSV and an optional flows CSV (the CLI's <c>import-portfolios</c> and
/// <c>POST /api/portfolios/import</c>): every row is checked, all or nothing, in one transaction; lots and flows are
/// matched to stored ones by their natural keys (<see cref="LotKey"/>, <see cref="ImportedFlow.Key"/>), so a
/// re-import changes nothing; a change to a day that has a snapshot schedules a rebuild from there.
/// </summary>
public sealed partial class PortfolioImporter(
    SigmaSightDbContext db, TradingCalendarProvider calendars, MarketDataChain chain, TimeProvider time,
    ILogger<PortfolioImporter> logger)
{
    /// <exception cref="PortfolioImportException">Any row is invalid; nothing was written.</exception>
    public async Task<ImportSummary> ImportAsync(ImportSource lots, ImportSource? flows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<ImportError>();
        var (lotRows, flowRows) = Read(lots, flows, calendar, errors);
        var flowsFile = flows?.Name ?? "flows";
        ImportChecks.Duplicates(lotRows, flowRows, lots.Name, flowsFile, errors);
        ImportChecks.Owners(lotRows, lots.Name, errors);
        var symbols = new SymbolCoverage(db, chain);
        var unknown = await symbols.UnknownAsync(lotRows, calendar, cancellationToken).ConfigureAwait(false);
        ImportChecks.Symbols(lotRows, unknown, symbols.ProviderName, lots.Name, errors);

        var names = lotRows.Select(l => l.Portfolio).Concat(flowRows.Select(f => f.Portfolio)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var book = await StoredBook.LoadAsync(db, names, cancellationToken).ConfigureAwait(false);
        var inceptions = ImportChecks.Portfolios(book, lotRows, flowRows, lots.Name, flowsFile, errors);
        if (errors.Count > 0 || (lotRows.Count == 0 && flowRows.Count == 0))
        {
            if (errors.Count == 0) errors.Add(new ImportError(lots.Name, 1, "no lot and no flow to import"));
            db.ChangeTracker.Clear();
            throw new PortfolioImportException([.. errors.OrderBy(e => e.File == lots.Name ? 0 : 1).ThenBy(e => e.Line)]);
        }

        var writer = new ImportWriter(db, book, time.GetUtcNow());
        var results = new List<PortfolioImportResult>();
        foreach (var name in names)
        {
            results.Add(await writer.ApplyAsync(name, inceptions[name], [.. lotRows.Where(l => l.Portfolio == name)],
                [.. flowRows.Where(f => f.Portfolio == name)], cancellationToken).ConfigureAwait(false));
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var summary = new ImportSummary(results);
        var recomputes = string.Join(", ", results.Where(r => r.RecomputeFrom is not null).Select(r => $"{r.Portfolio} from {r.RecomputeFrom:yyyy-MM-dd}"));
        LogImported(logger, summary.PortfoliosCreated, summary.PortfoliosUpdated, summary.LotsAdded,
            summary.LotsChanged + summary.LotsClosed, summary.FlowsAdded + summary.FlowsChanged, recomputes);
        return summary;
    }

    private static (List<ImportedLot> Lots, List<ImportedFlow> Flows) Read(
        ImportSource lots, ImportSource? flows, NyseCalendar calendar, List<ImportError> errors)
    {
        var lotRows = CsvTable.Read(lots.Reader, lots.Name, LotRows.Required, LotRows.Optional, errors)
            .Select(r => LotRows.Parse(r, calendar)).OfType<ImportedLot>().ToList();
        var flowRows = flows is null ? [] : CsvTable.Read(flows.Reader, flows.Name, FlowRows.Required, [], errors)
            .Select(FlowRows.Parse).OfType<ImportedFlow>().ToList();
        return (lotRows, flowRows);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "Portfolio import: {Created} created, {Updated} updated; {LotsAdded} lots added, {LotsEdited} edited; {Flows} flows added or changed; recompute scheduled: {Recomputes}")]
    private static partial void LogImported(ILogger logger, int created, int updated, int lotsAdded, int lotsEdited, int flows, string recomputes);
}
