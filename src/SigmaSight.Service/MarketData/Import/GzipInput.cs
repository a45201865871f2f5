using System.IO.Compression;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// A gzip price file, decompressed as it is read. Data that does not inflate, and a file that ends before its first
/// member does (so it yields no text at all, which <see cref="GZipStream"/> reports as an empty file), throw an
/// <see cref="InvalidDataException"/> that says so in plain words. (A file that yields text and is then cut short is
/// not detected: <see cref="GZipStream"/> ends it quietly, and with several members the trailer alone cannot tell.)
/// </summary>
internal sealed class GzipInput : ReadOnlyStream
{
    /// <summary>A complete member without text: a 10-byte header, an empty deflate block, CRC32 0 and size 0.</summary>
    private const int EmptyMemberBytes = 20;

    private readonly CompressedTail _compressed;
    private readonly GZipStream _gzip;
    private long _produced;

    public GzipInput(Stream compressed)
    {
        _compressed = new CompressedTail(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
        return Counted(n, buffer.Length);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
        return Counted(n, buffer.Length);
    }

    private int Counted(int n, int wanted)
    {
        if (n == 0 && wanted > 0 && _produced == 0 && !_compressed.EndsAnEmptyMember(EmptyMemberBytes))
            throw new InvalidDataException(
                $"the gzip data ends after {_compressed.Count} byte(s), before its first member is complete: the file is cut short or damaged");
        _produced += n;
        return n;
    }

    private InvalidDataException Corrupt(InvalidDataException e) => new(_produced == 0
        ? "the file starts with the gzip magic bytes (1f 8b) but its data does not inflate: it is not a valid gzip file"
        : $"the gzip data is corrupt after {_produced} byte(s) of text", e);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The compressed bytes, passed through, counting them and keeping the last eight (a member's trailer).</summary>
    private sealed class CompressedTail(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];

        public long Count { get; private set; }

        /// <summary>True when at least <paramref name="minimum"/> bytes were read and the last eight are zero (CRC32 and size of no text).</summary>
        public bool EndsAnEmptyMember(int minimum) => Count >= minimum && Array.TrueForAll(_tail, b => b == 0);

        public override int Read(Span<byte> buffer) => Keep(buffer[..inner.Read(buffer)]);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Keep(buffer.Span[..n]);
        }

        private int Keep(ReadOnlySpan<byte> read)
        {
            Count += read.Length;
            if (read.Length >= _tail.Length) read[^_tail.Length..].CopyTo(_tail);
            else if (read.Length > 0)
            {
                _tail.AsSpan(read.Length).CopyTo(_tail);
                read.CopyTo(_tail.AsSpan(_tail.Length - read.Length));
            }
            return read.Length;
        }
    }
}
