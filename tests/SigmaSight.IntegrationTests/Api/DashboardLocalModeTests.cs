using System.Net;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// Default mode: Hangfire's local-requests-only filter. A loopback reverse proxy that forwards a remote client
/// (X-Forwarded-For) makes the request remote, so it is refused.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DashboardLocalModeTests : IAsyncLifetime
{
    private const string RemoteClient = "203.0.113.7";
    private WebTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Dashboard_Returns200_WhenTheRequestIsFromLoopback()
    {
        using var client = _host.Client();

        using var response = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        RemoteAddress(response).Should().Be("127.0.0.1");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.Should().Contain("SigmaSight Batch").And.NotContain("PostgreSQL Server", "the storage connection string is never shown");
    }

    /// <summary>
    /// DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own name as Host. A loopback-only
    /// host answers only loopback names, so such a page can neither read the API nor use the dashboard.
    /// </summary>
    [Theory]
    [InlineData("evil.example", "/hangfire", HttpStatusCode.BadRequest)]
    [InlineData("evil.example", "/api/portfolios", HttpStatusCode.BadRequest)]
    [InlineData("localhost", "/api/portfolios", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", "/hangfire", HttpStatusCode.OK)]
    public async Task LoopbackHost_AnswersOnlyRequestsAddressedToALoopbackName(string name, string path, HttpStatusCode expected)
    {
        using var client = _host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = $"{name}:{_host.Address.Port}";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task Dashboard_Returns401_WhenALoopbackProxyForwardsARemoteClient()
    {
        using var client = _host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("X-Forwarded-For", RemoteClient);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        RemoteAddress(response).Should().Be(RemoteClient, "the app must really see the remote address, or this test proves nothing");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DashboardJobPages_Return401_WhenALoopbackProxyForwardsARemoteClient()
    {
        using var client = _host.Client();
        foreach (var path in new[] { "/hangfire/jobs/failed", "/hangfire/recurring", "/hangfire/servers" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-For", RemoteClient);

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        }
    }

    internal static string? RemoteAddress(HttpResponseMessage response) =>
        response.Headers.TryGetValues(WebTestHost.RemoteAddressHeader, out var values) ? values.Single() : null;
}
