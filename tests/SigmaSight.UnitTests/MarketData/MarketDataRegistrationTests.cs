using SigmaSight.Service.Hosting.Validation;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Http;

namespace SigmaSight.UnitTests.MarketData;

/// <summary><c>MarketData:Provider</c> and <c>MarketData:Fallback</c>: parsed, and refused at start when wrong.</summary>
public class MarketDataRegistrationTests
{
    [Theory]
    [InlineData(null, null, "synthetic", "")]
    [InlineData("HTTP", " database , synthetic ", "http", "database,synthetic")]
    [InlineData("http", "", "http", "")]
    [InlineData("database", "http", "database", "http")]
    public void Chain_ReadsThePrimaryAndTheFallbacksInOrder(string? provider, string? fallback, string primary, string fallbacks)
    {
        var chain = MarketDataRegistration.Chain(provider, fallback);

        chain.Primary.Should().Be(primary);
        string.Join(',', chain.Fallbacks).Should().Be(fallbacks);
    }

    [Theory]
    [InlineData("bloomberg", null, "MarketData:Provider 'bloomberg' is not one of: synthetic, database, http")]
    [InlineData("http", "database,yahoo", "MarketData:Fallback 'yahoo' is not one of: synthetic, database, http")]
    [InlineData("http", "http", "MarketData:Fallback 'http' repeats 'http' (provider http): each provider may appear once")]
    [InlineData("http", "synthetic,Synthetic", "MarketData:Fallback 'synthetic,Synthetic' repeats 'synthetic' (provider http): each provider may appear once")]
    public void Chain_RefusesAnUnknownOrRepeatedProvider_NamingTheAcceptedValues(string provider, string? fallback, string message)
    {
        var read = () => MarketDataRegistration.Chain(provider, fallback);

        read.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void HttpOptions_AreRefusedWithTheirKeysNamed_AndNeverShowTheApiKey()
    {
        var options = new HttpProviderOptions
        {
            BaseUrl = "financialmodelingprep.com", ApiKey = "secret-api-key", MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(5),
        };

        var result = new SectionValidator<HttpProviderOptions>(HttpProviderOptions.SectionName, HttpProviderOptions.Rules).Validate(null, options);

        result.Failures.Should().BeEquivalentTo(
            "MarketData:Http:MaxRetries is 0: The field MaxRetries must be between 1 and 20.",
            "MarketData:Http:BaseUrl 'financialmodelingprep.com' is not an absolute http(s) URL",
            "MarketData:Http:TotalTimeout (00:00:05) must exceed AttemptTimeout (00:00:10)");
        new SectionValidator<HttpProviderOptions>(HttpProviderOptions.SectionName, HttpProviderOptions.Rules)
            .Validate(null, new HttpProviderOptions()).Succeeded.Should().BeTrue("the defaults are valid");
    }
}
