using System.Globalization;
using CsvHelper;
using Npgsql;
using NpgsqlTypes;
using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Streams a price file into the session's staging table <c>pg_temp.price_import</c> with binary COPY: each line is
/// parsed and checked as it is read (<see cref="PriceRowParser"/>), good lines are copied, bad ones recorded. Memory
/// stays flat: nothing is kept per row.
/// </summary>
internal static class PriceStaging
{
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

    /// <summary>Reads the file into the staging table; the data lines read, or −1 when the header is unusable.</summary>
    /// <summary>Rows between two reports of the rows read.</summary>
    public const int ProgressEvery = 10_000;

    public static async Task<long> CopyAsync(NpgsqlConnection connection, Stream content, NyseCalendar calendar,
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
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (line, symbol, date, close, open, high, low, volume) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read++;
                if (read % ProgressEvery == 0) rowsRead?.Report(read);
                var line = reader.LineNumber;
                var (row, problem) = rows.Parse(reader, line);
                if (row is { } good) Write(copy, good);
                else errors.Add(line, problem!);
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(reader.LineNumber + 1, $"unreadable CSV after this point: {e.Message}");
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        rowsRead?.Report(read + malformed);
        return read + malformed;
    }

    // Synchronous writes: they only block when Npgsql's buffer is full, and an await per value costs more than the row.
#pragma warning disable CA1849
    private static void Write(NpgsqlBinaryImporter copy, PriceRow row)
    {
        copy.StartRow();
        copy.Write(row.Line, NpgsqlDbType.Bigint);
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
#pragma warning restore CA1849
}
