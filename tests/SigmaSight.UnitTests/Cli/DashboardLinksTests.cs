using Microsoft.Extensions.Configuration;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.UnitTests.Cli;

/// <summary>Dashboard:PublicUrl: the links the CLI prints for a run and a Hangfire job.</summary>
public sealed class DashboardLinksTests
{
    [Fact]
    public void Links_StartWithThePublicUrl_KeepAProxysPathPrefix_AndEscapeTheJobId()
    {
        var links = DashboardLinks.From(Configuration("https://batch.example.test/ops/"));
        links.Job("12 3").Should().Be("https://batch.example.test/ops/hangfire/jobs/details/12%203");
        links.Run(Guid.Parse("01a2363e-1ca0-71c0-a7f1-b193fe0ab08b"))
            .Should().Be("https://batch.example.test/ops/hangfire/runs/01a2363e-1ca0-71c0-a7f1-b193fe0ab08b");
    }

    [Fact]
    public void Default_IsWhereServeListens() =>
        DashboardLinks.From(Configuration(null)).Dashboard.Should().Be("http://127.0.0.1:5080/hangfire");

    [Theory]
    [InlineData("ftp://batch.example.test")]
    [InlineData("https://batch.example.test/?x=1")]
    [InlineData("/hangfire")]
    public void ABadPublicUrl_IsRefusedNamingTheKey(string url) =>
        FluentActions.Invoking(() => DashboardLinks.From(Configuration(url))).Should().Throw<ConfigurationException>()
            .WithMessage("Dashboard:PublicUrl*");

    private static IConfiguration Configuration(string? url) => new ConfigurationBuilder()
        .AddInMemoryCollection(url is null ? [] : [new KeyValuePair<string, string?>("Dashboard:PublicUrl", url)]).Build();
}
