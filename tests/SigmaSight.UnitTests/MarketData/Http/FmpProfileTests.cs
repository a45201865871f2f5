using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Http;
using SigmaSight.Service.Risk;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// Reading Financial Modeling Prep's profile answer (bodies in its documented shape under TestData/MarketData/Fmp):
/// a stock keeps its GICS sector and industry, an ETF or fund none, an empty answer means no profile, and anything the
/// contract does not allow is an error naming the symbol and the fault.
/// </summary>
public sealed class FmpProfileTests
{
    private static SecurityReference Read(string symbol, string file) =>
        FmpProfile.Parse(symbol, FakeVendorServer.Recorded(file))!.Value.Security;

    [Fact]
    public void AStock_KeepsItsNameIndustryAndTheGicsNameOfItsSector() =>
        Read("IBM", "IBM_profile.json").Should().Be(new SecurityReference("IBM", "International Business Machines Corporation", "STOCK",
            "Information Technology", "Information Technology Services"));

    [Fact]
    public void AnEtf_AndAFund_KeepNoSectorOrIndustry()
    {
        Read("SPY", "SPY_profile.json").Should().Be(new SecurityReference("SPY", "SPDR S&P 500 ETF Trust", "ETF", null, null),
            "the vendor files the ETF under 'Financial Services', which is its issuer's sector, not its holdings'");
        Read("VFINX", "VFINX_profile.json").Should().Be(new SecurityReference("VFINX", "Vanguard 500 Index Fund Investor Shares", "FUND", null, null));
    }

    [Fact]
    public void AStockWhoseSectorMapsToNoGicsSector_IsStoredWithoutOne_AndTheVendorsNameIsKeptForTheWarning()
    {
        var read = FmpProfile.Parse("GE", FakeVendorServer.Recorded("GE_profile.json"))!.Value;

        read.Security.Should().Be(new SecurityReference("GE", "General Electric Company", "STOCK", null, "Conglomerates"));
        read.VendorSector.Should().Be("Conglomerates");
    }

    [Fact]
    public void AnIndexSymbol_IsAnIndex() =>
        FmpProfile.Parse("^GSPC", """[{"symbol":"^GSPC","companyName":"S&P 500","sector":"","isEtf":false,"isFund":false}]""")!.Value
            .Security.AssetType.Should().Be("INDEX");

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public void AnEmptyAnswer_MeansNoProfile(string body) => FmpProfile.Parse("ZZZZ", body).Should().BeNull();

    [Theory]
    [InlineData("<html>rate limited</html>", "provider fmp: malformed profile for IBM: the body is not JSON (*")]
    [InlineData("""{"Error Message":"Invalid API KEY."}""", "provider fmp: malformed profile for IBM: the vendor answered with an error: Invalid API KEY.")]
    [InlineData("""{"symbol":"IBM"}""", "provider fmp: malformed profile for IBM: expected a JSON array, got an object")]
    [InlineData("\"IBM\"", "provider fmp: malformed profile for IBM: expected a JSON array, got string")]
    [InlineData("""[{"symbol":"MSFT","companyName":"Microsoft"}]""", "provider fmp: malformed profile for IBM: none of the 1 profiles is for IBM")]
    [InlineData("""[{"symbol":"IBM","companyName":""}]""", "provider fmp: malformed profile for IBM: 'companyName' is missing or empty")]
    [InlineData("""[{"symbol":"IBM","companyName":"IBM","sector":7}]""", "provider fmp: malformed profile for IBM: 'sector' is number, not a string")]
    [InlineData("""[{"symbol":"IBM","companyName":"IBM","isEtf":"no"}]""", "provider fmp: malformed profile for IBM: 'isEtf' is string, not true or false")]
    public void AMalformedAnswer_IsAnErrorNamingTheSymbolAndTheFault(string body, string message)
    {
        var parse = () => FmpProfile.Parse("IBM", body);

        parse.Should().Throw<MarketDataFormatException>().WithMessage(message);
    }

    [Fact]
    public void EachOfTheVendorsElevenSectors_MapsToADistinctGicsSector_AndGicsNamesPassThrough()
    {
        string[] vendor = ["Technology", "Healthcare", "Financial Services", "Consumer Cyclical", "Consumer Defensive", "Basic Materials",
            "Communication Services", "Industrials", "Energy", "Utilities", "Real Estate"];

        vendor.Select(FmpSectors.ToGics).Should().BeEquivalentTo(GicsSectors.All);
        GicsSectors.All.Select(FmpSectors.ToGics).Should().Equal(GicsSectors.All);
        FmpSectors.ToGics(" healthcare ").Should().Be("Health Care");
        FmpSectors.ToGics("Conglomerates").Should().BeNull();
        FmpSectors.ToGics(null).Should().BeNull();
    }
}
