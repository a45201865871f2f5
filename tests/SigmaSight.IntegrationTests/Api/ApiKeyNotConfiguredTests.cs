using System.Net;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>Without Api:Key every POST is refused and the problem says why; GETs still answer.</summary>
[Collection(SharedDatabase.Name)]
public sealed class ApiKeyNotConfiguredTests : IAsyncLifetime
{
    private WebTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_Returns401SayingTheKeyIsNotSet_WhenNoKeyIsConfigured()
    {
        using var client = _host.Client();

        var (status, problem, response) = await client.PostAsync("/api/runs", "{}", key: "anything");
        response.Dispose();
        var (listed, runs) = await client.GetJsonAsync("/api/runs");

        status.Should().Be(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Contain("Api:Key is not set");
        listed.Should().Be(HttpStatusCode.OK);
        runs.GetArrayLength().Should().Be(0);
    }
}
