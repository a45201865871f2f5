using System.Buffers.Binary;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// A decimal in PostgreSQL's binary numeric format: digit count, weight (of the first base-10,000 digit), sign,
/// display scale, then the base-10,000 digits, most significant first, without leading or trailing zero digits
/// (<c>numeric_send</c>/<c>numeric_recv</c> in PostgreSQL's <c>numeric.c</c>). The server applies the column's
/// precision and scale, rounding as it does for any input.
/// </summary>
internal static class PgNumeric
{
    private const short Positive = 0x0000;
    private const short Negative = 0x4000;
    private const int DigitsPerGroup = 4;
    private const uint GroupBase = 10_000;

    /// <summary>Bytes <see cref="Write"/> may need at most: 8 header bytes and 9 digit groups of 2 bytes (29 digits and alignment).</summary>
    public const int MaxBytes = 8 + 2 * 9;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>; the bytes written.</summary>
    public static int Write(decimal value, Span<byte> destination)
    {
        var scale = value.Scale;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((UInt128)unchecked((uint)bits[2]) << 64) | ((UInt128)unchecked((uint)bits[1]) << 32) | unchecked((uint)bits[0]);
        var negative = bits[3] < 0 && mantissa != 0;
        // Align the scale to whole groups of four digits: 1.5 (15, scale 1) becomes 15000 at scale 4.
        var padding = (DigitsPerGroup - scale % DigitsPerGroup) % DigitsPerGroup;
        for (var i = 0; i < padding; i++) mantissa *= 10;
        var fractionGroups = (scale + padding) / DigitsPerGroup;

        Span<short> groups = stackalloc short[9]; // least significant first
        var count = 0;
        while (mantissa > ulong.MaxValue)
        {
            groups[count++] = (short)(uint)(mantissa % GroupBase);
            mantissa /= GroupBase;
        }
        for (var small = (ulong)mantissa; small != 0; small /= GroupBase) groups[count++] = (short)(small % GroupBase);
        var lowest = 0;
        while (lowest < count && groups[lowest] == 0) lowest++;
        var digits = count - lowest;
        var weight = digits == 0 ? 0 : count - 1 - fractionGroups;

        BinaryPrimitives.WriteInt16BigEndian(destination, (short)digits);
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(destination[4..], negative ? Negative : Positive);
        BinaryPrimitives.WriteInt16BigEndian(destination[6..], (short)scale);
        var at = 8;
        for (var i = count - 1; i >= lowest; i--, at += 2) BinaryPrimitives.WriteInt16BigEndian(destination[at..], groups[i]);
        return at;
    }
}
