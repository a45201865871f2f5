namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// The fake-vendor tests measure retries and timeouts in hundreds of milliseconds, so they run alone, after the
/// parallel tests, not while the rest of the suite keeps both cores busy.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VendorTiming
{
    public const string Name = "vendor timing";
}
