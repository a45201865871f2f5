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
        var settings = Settings(benchConnectionString);
        IHost host = withApi ? WebHost.Build(["--urls=http://127.0.0.1:0"], settings) : CliHost.Build(withServers: true, settings);
        return new BenchHost(host, new CommandMeter());
    }

    /// <summary>
    /// The settings of every host of a bench, this process's and <c>--hosts</c>' extra ones: the bench database, its
    /// seeded closes, and no schedule but the reconciler's. The measured night must be the only run in the database:
    /// a nightly-batch that fired at 16:30 New York during a session-22 bench ran a second night of every portfolio
    /// beside it and stalled the measured one's phase 4 for 100 s. Retention is left out for the same reason.
    /// </summary>
    public static Dictionary<string, string?> Settings(string benchConnectionString) => new()
    {
        [DatabaseConnection.EnvironmentVariable] = benchConnectionString,
        [$"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.Provider)}"] = MarketDataOptions.Database,
        ["Logging:LogLevel:Default"] = "Warning",
        [$"{ScheduleOptions.SectionName}:{nameof(ScheduleOptions.Nightly)}"] = "false",
        [$"{RetentionOptions.SectionName}:{nameof(RetentionOptions.Enabled)}"] = "false",
    };

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
