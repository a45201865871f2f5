using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;

namespace SigmaSight.Service.Bench;

/// <summary>
/// The process the bench runs the batch in: <c>run</c>'s host (<see cref="CliHost"/>) or, when the API is read under
/// load, <c>serve</c>'s (<see cref="WebHost"/>) on 127.0.0.1 at a free port. Either way the same Hangfire servers,
/// queues and worker counts, on the bench database with the database market data provider (the seeded closes).
/// The <see cref="CommandMeter"/> is installed as a global Hangfire filter while the host lives.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost host;

    private BenchHost(IHost host, CommandMeter meter)
    {
        this.host = host;
        Meter = meter;
    }

    public IServiceProvider Services => host.Services;

    public CommandMeter Meter { get; }

    /// <summary>The API's base address, when the host serves HTTP.</summary>
    public Uri? ApiAddress { get; private set; }

    public static BenchHost Build(string benchConnectionString, bool withApi)
    {
        var settings = new Dictionary<string, string?>
        {
            [DatabaseConnection.EnvironmentVariable] = benchConnectionString,
            [$"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.Provider)}"] = MarketDataOptions.Database,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        IHost host = withApi ? WebHost.Build(["--urls=http://127.0.0.1:0"], settings) : CliHost.Build(withServers: true, settings);
        return new BenchHost(host, new CommandMeter());
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        GlobalJobFilters.Filters.Add(Meter);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses?.FirstOrDefault() is { } address) ApiAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            GlobalJobFilters.Filters.Remove(Meter);
            Meter.Dispose();
            host.Dispose();
        }
    }
}
