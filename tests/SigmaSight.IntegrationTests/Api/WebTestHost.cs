using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// The real web host (<c>WebHost.Build</c>) on a free loopback port, on real PostgreSQL, with the business
/// clock frozen at <see cref="BatchTestHost.DefaultNow"/>. A test-only probe echoes the client address the app
/// finally saw (after forwarded headers) in the response header <see cref="RemoteAddressHeader"/>.
/// </summary>
public sealed class WebTestHost : IAsyncDisposable
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";
    private static readonly ConcurrentDictionary<string, bool> Migrated = new();
    private readonly WebApplication _app;

    private WebTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Migrates the database (once per connection string), optionally empties it, and starts the host bound to
    /// <paramref name="bindAddress"/> (loopback by default; 0.0.0.0 makes it listen beyond loopback). Clients always
    /// connect through 127.0.0.1.
    /// </summary>
    public static async Task<WebTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool runServers = false,
        string? connectionString = null, bool reset = true, string bindAddress = "127.0.0.1",
        Action<IServiceCollection>? configureServices = null)
    {
        var database = connectionString ?? TestDatabase.ConnectionString;
        await MigrateAsync(database);
        if (reset && connectionString is null) await TestDatabase.ResetAsync();
        var port = SigmaSight.Service.Hosting.LoopbackPorts.Free();
        var all = new Dictionary<string, string?>
        {
            ["SIGMASIGHT_DB"] = database,
            ["Batch:RetryDelaysSeconds:0"] = "0",
            ["Hangfire:QueuePollInterval"] = "00:00:00.200",
            ["Hangfire:SchedulePollingInterval"] = "00:00:01",
            ["Hangfire:WorkerCount"] = "4",
            ["Hangfire:RunServers"] = runServers ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = WebHost.Build([string.Create(CultureInfo.InvariantCulture, $"--urls=http://{bindAddress}:{port}")], all, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(BatchTestHost.DefaultNow)));
            services.AddSingleton<IStartupFilter, RemoteAddressProbe>();
            configureServices?.Invoke(services);
        });
        await app.StartAsync();
        return new WebTestHost(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
    }

    /// <summary>A client without cookies or redirects, so every test says exactly what it sends.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task MigrateAsync(string database)
    {
        if (Migrated.ContainsKey(database)) return;
        using var host = CliHost.Build(withServers: false, new Dictionary<string, string?> { ["SIGMASIGHT_DB"] = database });
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        Migrated[database] = true;
    }

    /// <summary>Runs first; reports Connection.RemoteIpAddress as it is when the response starts.</summary>
    private sealed class RemoteAddressProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[RemoteAddressHeader] = context.Connection.RemoteIpAddress?.ToString();
                    return Task.CompletedTask;
                });
                await following(context);
            });
            next(app);
        };
    }
}
