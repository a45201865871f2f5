namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// Opens a price file for reading: gzip (<see cref="GzipInput"/>) when the content starts with the gzip magic bytes
/// (1f 8b), plain text otherwise; a name ending in <c>.gz</c> whose content is not gzip is refused (an empty one is read
/// as the empty file it is). Works on streams that
/// cannot seek (stdin, a request body): the bytes read to sniff the format are replayed. The caller keeps ownership of
/// the content stream.
/// </summary>
public static class PriceFileInput
{
    /// <exception cref="InvalidDataException">The name ends in .gz and the content is not gzip.</exception>
    public static async Task<Stream> OpenAsync(Stream content, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        var head = new byte[2];
        var read = 0;
        while (read < head.Length)
        {
            var n = await content.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        Stream replayed = new ReplayStream(head.AsMemory(0, read), content);
        if (read == 2 && head[0] == 0x1f && head[1] == 0x8b) return new GzipInput(replayed);
        if (read > 0 && name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{name} is not a gzip file: it does not start with the gzip magic bytes (1f 8b); name a plain CSV .csv");
        return replayed;
    }

    /// <summary>A read-only stream that returns <c>prefix</c>, then the rest of <c>inner</c>.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> prefix, Stream inner) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return inner.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.IsEmpty) return inner.ReadAsync(buffer, cancellationToken);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer.Span);
            _prefix = _prefix[n..];
            return ValueTask.FromResult(n);
        }
    }
}
