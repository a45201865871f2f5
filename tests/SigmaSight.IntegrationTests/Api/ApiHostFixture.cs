using Microsoft.Extensions.DependencyInjection;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>One web host with Hangfire servers and the API key set, on an emptied database with the demo seeded.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public WebTestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Api:Key"] = ApiCalls.Key }, runServers: true);
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
