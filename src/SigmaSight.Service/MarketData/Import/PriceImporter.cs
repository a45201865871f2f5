using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Imports a long price CSV (<c>date,symbol,close[,open,high,low,volume]</c>) into <c>prices</c>, for the CLI and the
/// API alike. The file is streamed through the checks into a staging table with binary COPY, then merged with one
/// upsert (into an empty <c>prices</c>, copied straight into the table: <see cref="PriceInitialLoad"/>), all in one
/// transaction: without <see cref="PriceImportRequest.SkipBadRows"/> any bad line refuses the
/// whole file and nothing is written. A replaced close marks the portfolios valued with it for rebuild
/// (<see cref="PriceCorrections"/>).
/// </summary>
public sealed partial class PriceImporter(
    SigmaSightDbContext db, TimeProvider time, ILogger<PriceImporter> logger)
{
    public const int MaxListedErrors = 1000;
    public const int MaxListedChanges = 20;
    public const int MaxSourceLength = 64;

    /// <summary>Why <paramref name="source"/> cannot name a price source, or null.</summary>
    public static string? CheckSource(string? source) =>
        string.IsNullOrWhiteSpace(source) ? "source must not be empty"
        : source.Length > MaxSourceLength ? $"source is longer than {MaxSourceLength} characters"
        : Hosting.Validation.ControlCharacters.Check("source", source);

    public async Task<PriceImportResult> ImportAsync(PriceImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CheckSource(request.Source) is { } bad) throw new ArgumentException(bad, nameof(request));
        var watch = Stopwatch.StartNew();
        var errors = new PriceErrors(MaxListedErrors);
        await using var input = await OpenAsync(request, errors, cancellationToken).ConfigureAwait(false);
        if (input is null) return Refused(0, errors, watch);
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var calendar = await ClosuresAsync(connection, cancellationToken).ConfigureAwait(false);
        await PriceSql.ExecuteAsync(connection, "SET LOCAL work_mem = '128MB'", cancellationToken).ConfigureAwait(false);
        if (await PriceInitialLoad.TryBeginAsync(connection, cancellationToken).ConfigureAwait(false))
            return await LoadIntoEmptyAsync(connection, transaction, input, calendar, request, errors, watch, cancellationToken)
                .ConfigureAwait(false);
        await PriceStaging.CreateAsync(connection, cancellationToken).ConfigureAwait(false);
        var read = await PriceStaging.CopyAsync(connection, input, PriceStaging.Target, calendar, errors, request.RowsRead, cancellationToken)
            .ConfigureAwait(false);
        var steps = new List<KeyValuePair<string, TimeSpan>> { new("read and copy", watch.Elapsed) };
        if (read < 0) return Refused(0, errors, watch);
        if (errors.Count > 0 && !request.SkipBadRows)
        {
            await ListDuplicatesAsync(connection, errors, cancellationToken).ConfigureAwait(false);
            return Refused(read, errors, watch);
        }
        await PriceMerge.MatchAsync(connection, cancellationToken).ConfigureAwait(false);
        var (_, storedTwice) = await PriceMerge.DuplicatesAsync(connection, PriceMerge.Matched, 1, cancellationToken).ConfigureAwait(false);
        if (storedTwice > 0 && !await DropDuplicatesAsync(connection, request, errors, cancellationToken).ConfigureAwait(false))
            return Refused(read, errors, watch);
        steps.Add(new("match", watch.Elapsed - TimeSpan.FromTicks(steps.Sum(s => s.Value.Ticks))));
        var onlyNewKeys = await PriceMerge.NoneMatchedAsync(connection, cancellationToken).ConfigureAwait(false);
        var written = await UpsertAsync(connection, transaction, request, onlyNewKeys, errors, cancellationToken).ConfigureAwait(false);
        steps.Add(new("upsert", watch.Elapsed - TimeSpan.FromTicks(steps.Sum(s => s.Value.Ticks))));
        if (written is not { } upserted) return Refused(read, errors, watch);

        var (matched, changed, closesChanged) = await PriceMerge.CountsAsync(connection, cancellationToken).ConfigureAwait(false);
        var changes = await PriceMerge.ChangesAsync(connection, MaxListedChanges, cancellationToken).ConfigureAwait(false);
        var rebuilds = closesChanged > 0
            ? await PriceCorrections.MarkAsync(connection, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            : [];
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var result = new PriceImportResult(true, read, upserted - changed, changed, matched - changed, errors.Count,
            closesChanged, errors.Listed(), changes, rebuilds, watch.Elapsed)
        {
            Steps = [.. steps, new("report and commit", watch.Elapsed - TimeSpan.FromTicks(steps.Sum(s => s.Value.Ticks)))],
        };
        LogImported(logger, request.Name, result.RowsRead, result.Inserted, result.Updated, result.Unchanged, result.Rejected,
            result.ClosesChanged, rebuilds.Count);
        return result;
    }

    /// <summary>The first import into an empty <c>prices</c> (<see cref="PriceInitialLoad"/>): nothing to match or report.</summary>
    private async Task<PriceImportResult> LoadIntoEmptyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Stream input,
        NyseCalendar calendar, PriceImportRequest request, PriceErrors errors, Stopwatch watch, CancellationToken cancellationToken)
    {
        var load = new PriceInitialLoad(request.Source);
        var read = await PriceStaging.CopyAsync(connection, input, load, calendar, errors, request.RowsRead, cancellationToken)
            .ConfigureAwait(false);
        var copied = watch.Elapsed;
        if (read < 0) return Refused(0, errors, watch);
        if (errors.Count > 0 && !request.SkipBadRows)
        {
            await load.ListDuplicatesAsync(connection, errors, MaxListedErrors, cancellationToken).ConfigureAwait(false);
            return Refused(read, errors, watch);
        }
        if (await load.FinishAsync(connection, transaction, request.SkipBadRows, errors, MaxListedErrors, cancellationToken)
                .ConfigureAwait(false) is not { } inserted)
            return Refused(read, errors, watch);
        var keyed = watch.Elapsed;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var result = new PriceImportResult(true, read, inserted, 0, 0, errors.Count, 0, errors.Listed(), [], [], watch.Elapsed)
        {
            Steps = [new("read and copy (initial load)", copied), new("primary key", keyed - copied), new("commit", watch.Elapsed - keyed)],
        };
        LogImported(logger, request.Name, result.RowsRead, result.Inserted, 0, 0, result.Rejected, 0, 0);
        return result;
    }

    /// <summary>
    /// The upsert, under a savepoint. Two lines with the same new key make PostgreSQL refuse it (a unique violation,
    /// or "cannot affect row a second time"): the duplicates are then listed and, with skip-bad-rows, dropped and the
    /// upsert retried. A unique violation without duplicates (another writer stored a key meanwhile) retries as a full
    /// upsert. Null when the file is refused.
    /// </summary>
    private static async Task<long?> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PriceImportRequest request,
        bool onlyNewKeys, PriceErrors errors, CancellationToken cancellationToken)
    {
        const string savepoint = "before_upsert";
        await transaction.SaveAsync(savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            return await PriceMerge.UpsertAsync(connection, request.Source, onlyNewKeys, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CardinalityViolation or PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(savepoint, cancellationToken).ConfigureAwait(false);
        }
        var (_, duplicates) = await PriceMerge.DuplicatesAsync(connection, PriceStaging.Table, 1, cancellationToken).ConfigureAwait(false);
        if (duplicates > 0 && !await DropDuplicatesAsync(connection, request, errors, cancellationToken).ConfigureAwait(false)) return null;
        return await PriceMerge.UpsertAsync(connection, request.Source, onlyNewKeys: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists every duplicate line; with skip-bad-rows drops them (true), else the file is refused (false).</summary>
    private static async Task<bool> DropDuplicatesAsync(NpgsqlConnection connection, PriceImportRequest request, PriceErrors errors,
        CancellationToken cancellationToken)
    {
        await ListDuplicatesAsync(connection, errors, cancellationToken).ConfigureAwait(false);
        if (!request.SkipBadRows) return false;
        await PriceMerge.DropDuplicatesAsync(connection, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task ListDuplicatesAsync(NpgsqlConnection connection, PriceErrors errors, CancellationToken cancellationToken)
    {
        var (listed, count) = await PriceMerge.DuplicatesAsync(connection, PriceStaging.Table, MaxListedErrors, cancellationToken)
            .ConfigureAwait(false);
        errors.AddRange(listed, count);
    }

    /// <summary>The file to read, or null when it cannot be (a .gz name on plain text), recorded at line 1.</summary>
    private static async Task<Stream?> OpenAsync(PriceImportRequest request, PriceErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            return await PriceFileInput.OpenAsync(request.Content, request.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            errors.Add(1, e.Message);
            return null;
        }
    }

    /// <summary>
    /// The calendar of <see cref="TradingCalendarProvider"/> (the NYSE rules and <c>market_closures</c>), read with
    /// plain SQL: the import then never builds the EF model, which costs a CLI call more than a small file does.
    /// </summary>
    private static async Task<NyseCalendar> ClosuresAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        new(await PriceSql.QueryAsync(connection, "SELECT date FROM sigmasight.market_closures", r => r.GetFieldValue<DateOnly>(0),
            cancellationToken).ConfigureAwait(false));

    private static PriceImportResult Refused(long read, PriceErrors errors, Stopwatch watch) =>
        PriceImportResult.Refused(read, errors.Count, errors.Listed(), watch.Elapsed);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Imported prices from {Name}: {Read} rows read, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {ClosesChanged} closes changed, {Rebuilds} portfolio(s) to rebuild")]
    private static partial void LogImported(ILogger logger, string name, long read, long inserted, long updated, long unchanged,
        long rejected, long closesChanged, int rebuilds);
}
