namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// One price file to import. <paramref name="Name"/> is the file name (or "-" / "request body"): a name ending in
/// <c>.gz</c> is read as gzip, as is any input starting with the gzip magic bytes. <paramref name="Source"/> goes to
/// <c>prices.source</c>. With <paramref name="SkipBadRows"/> the good rows are written and the bad ones listed;
/// without it any bad row refuses the whole file.
/// </summary>
public sealed record PriceImportRequest(Stream Content, string Name, string Source, bool SkipBadRows)
{
    /// <summary>Told the rows read so far, every <see cref="PriceStaging.ProgressEvery"/> rows and at the end of the file.</summary>
    public IProgress<long>? RowsRead { get; init; }
}
