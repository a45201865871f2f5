using System.Buffers.Binary;
using System.Text;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Writes PostgreSQL's binary COPY format (header, rows of length-prefixed fields, trailer) into a buffer that is
/// flushed to a raw COPY stream when full. Cheaper per value than Npgsql's typed binary importer, which resolves and
/// binds a converter for every value: with millions of rows the client, not the server, was the slower side.
/// Supports the types of <c>prices</c>: text, date, numeric and bigint.
/// </summary>
internal sealed class PgBinaryRows(Stream stream)
{
    /// <summary>"PGCOPY\n\377\r\n\0".</summary>
    private static readonly byte[] Signature = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    /// <summary>The longest row this writer buffers before flushing: a price row is far shorter.</summary>
    private const int MaxRowBytes = 4096;

    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    // Synchronous writes: the stream only blocks when the connection's buffer is full, and an await per row costs more.
#pragma warning disable CA1849
    public void Header()
    {
        Signature.CopyTo(_buffer, 0);
        _used = Signature.Length;
        Int32(0);
        Int32(0);
    }

    public void StartRow(short fields)
    {
        if (_buffer.Length - _used < MaxRowBytes) Flush();
        Int16(fields);
    }

    public void Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > MaxRowBytes / 2)
            throw new ArgumentException($"text of {value.Length} characters is too long for a price row", nameof(value));
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        Int32(written);
        _used += written;
    }

    public void Date(DateOnly value)
    {
        Int32(4);
        Int32(value.DayNumber - PostgresEpochDay);
    }

    public void Int64(long value)
    {
        Int32(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void Numeric(decimal value)
    {
        var length = PgNumeric.Write(value, _buffer.AsSpan(_used + 4));
        Int32(length);
        _used += length;
    }

    public void Null() => Int32(-1);

    /// <summary>Writes the trailer and flushes everything to the stream.</summary>
    public void Trailer()
    {
        if (_buffer.Length - _used < 2) Flush();
        Int16(-1);
        Flush();
    }

    private void Flush()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }
#pragma warning restore CA1849

    private void Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), value);
        _used += 2;
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }
}
