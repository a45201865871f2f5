using System.Globalization;
using CsvHelper;
using Npgsql;
using NpgsqlTypes;
using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Streams a price file with binary COPY into the session's staging table <c>pg_temp.price_import</c> (or another
/// <see cref="IPriceCopyTarget"/>): each line is parsed and checked as it is read (<see cref="PriceRowParser"/>), good
/// lines are copied, bad ones recorded. Memory stays flat: nothing is kept per row.
/// </summary>
internal static class PriceStaging
{
    /// <summary>The staging table as a copy target: the line number first, then the row.</summary>
    public static readonly IPriceCopyTarget Target = new StagingTarget();

    public const string Table = "pg_temp.price_import";

    /// <summary>Dropped at the end of the transaction; numeric(20, 6) rounds as <c>prices</c> does.</summary>
    public static Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        PriceSql.ExecuteAsync(connection, $"""
            CREATE TEMP TABLE {Table.Split('.')[1]} (
                line bigint NOT NULL, symbol text NOT NULL, date date NOT NULL, close numeric(20,6) NOT NULL,
                open numeric(20,6), high numeric(20,6), low numeric(20,6), volume bigint) ON COMMIT DROP
            """, cancellationToken);

    /// <summary>Longest line accepted: a price line is short; an unclosed quote must not read the rest of the file.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Rows between two reports of the rows read.</summary>
    public const int ProgressEvery = 10_000;

    /// <summary>Reads the file into <paramref name="target"/>; the data lines read, or −1 when the header is unusable.</summary>
    public static async Task<long> CopyAsync(NpgsqlConnection connection, Stream content, IPriceCopyTarget target, NyseCalendar calendar,
        PriceErrors errors, IProgress<long>? rowsRead, CancellationToken cancellationToken)
    {
        long malformed = 0;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = MaxLineBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            PoolStrings = true,
            FormatProvider = CultureInfo.InvariantCulture,
            OnMalformedRecord = r =>
            {
                malformed++;
                errors.Add(r.LineNumber, $"malformed CSV ({r.Reason})");
            },
        };
        await using var reader = CsvReader.Create(content, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            errors.Add(1, $"bad header: {e.Message}");
            return -1;
        }
        catch (InvalidDataException e)
        {
            errors.Add(1, e.Message);
            return -1;
        }
        var (columns, problems) = PriceCsvColumns.FromHeader(reader.Headers);
        if (columns is null)
        {
            errors.Add(1, reader.Headers.Count == 0
                ? "the file is empty: a header line is required (date,symbol,close[,open,high,low,volume])"
                : "bad header: " + string.Join("; ", problems) + " (the first line must be the header)");
            return -1;
        }
        var rows = new PriceRowParser(columns, calendar);
        long read = 0;
        await using var copy = await target.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read++;
                if (read % ProgressEvery == 0) rowsRead?.Report(read);
                var line = reader.LineNumber;
                var (row, problem) = rows.Parse(reader, line);
                if (row is { } good) copy.Write(good);
                else errors.Add(line, problem!);
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(reader.LineNumber + 1, $"unreadable CSV after this point: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            errors.Add(reader.LineNumber + 1, $"unreadable after this point: {e.Message}");
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        rowsRead?.Report(read + malformed);
        return read + malformed;
    }

    // Synchronous writes: they only block when Npgsql's buffer is full, and an await per value costs more than the row.
#pragma warning disable CA1849
    /// <summary>Writes the row's symbol, date, close, open, high, low and volume, in that order.</summary>
    private static void WriteValues(NpgsqlBinaryImporter copy, PriceRow row)
    {
        copy.Write(row.Symbol, NpgsqlDbType.Text);
        copy.Write(row.Date, NpgsqlDbType.Date);
        copy.Write(row.Close, NpgsqlDbType.Numeric);
        WriteNullable(copy, row.Open);
        WriteNullable(copy, row.High);
        WriteNullable(copy, row.Low);
        if (row.Volume is { } volume) copy.Write(volume, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, decimal? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Numeric);
        else copy.WriteNull();
    }

    private sealed class StagingTarget : IPriceCopyTarget
    {
        public async Task<IPriceCopy> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
            new Copy(await connection.BeginBinaryImportAsync(
                $"COPY {Table} (line, symbol, date, close, open, high, low, volume) FROM STDIN (FORMAT BINARY)", cancellationToken)
                .ConfigureAwait(false));

        private sealed class Copy(NpgsqlBinaryImporter importer) : IPriceCopy
        {
            public void Write(PriceRow row)
            {
                importer.StartRow();
                importer.Write(row.Line, NpgsqlDbType.Bigint);
                WriteValues(importer, row);
            }

            public async Task CompleteAsync(CancellationToken cancellationToken) =>
                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);

            public ValueTask DisposeAsync() => importer.DisposeAsync();
        }
    }
#pragma warning restore CA1849
}
