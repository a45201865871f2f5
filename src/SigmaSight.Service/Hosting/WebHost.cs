using Microsoft.Extensions.Configuration.Memory;
using SigmaSight.Service.Api;
using SigmaSight.Service.Api.Health;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.Hosting.Validation;
using SigmaSight.Service.Observability;

namespace SigmaSight.Service.Hosting;

/// <summary>
/// The web host (<c>serve</c>): Hangfire servers, the dashboard at /hangfire (local requests only unless
/// <c>Dashboard:Mode = Policy</c>), the HTTP API under /api with its OpenAPI document, /health/live|ready and the
/// Prometheus scrape endpoint (/metrics).
/// </summary>
public static class WebHost
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder([.. args, ConfigurationReload.Off]);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietLogging });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 would reach a loopback-only host with
        // its local trust. Such a host answers only requests addressed to a loopback name, unless AllowedHosts is set.
        if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]) && builder.Configuration["urls"] is { Length: > 0 } urls
            && urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(ApiReadAccess.IsLoopback))
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = LoopbackHosts });
        builder.Services.AddSigmaSightCore(builder.Configuration);
        builder.Services.AddSigmaSightHangfire(builder.Configuration);
        builder.Services.AddDashboardSecurity();
        builder.Services.AddSigmaSightApi();
        builder.Services.AddSigmaSightHealth();
        builder.Services.AddSigmaSightMetricsEndpoint();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        OptionsValidation.ValidateNow(app.Services);
        app.UseDashboardForwardedHeaders();
        app.UseExceptionHandler();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseDashboardWriteGuard();
        Dashboard.RunsDashboard.Register();
        app.MapSigmaSightDashboard();
        app.MapSigmaSightApi();
        app.MapSigmaSightHealth();
        app.MapSigmaSightMetrics();
        return app;
    }

    /// <summary>The names a loopback-only host answers to (<c>AllowedHosts</c>, ASP.NET Core's host filtering).</summary>
    public const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    /// <summary>Defaults that configuration (appsettings, environment, command line) can override.</summary>
    private static readonly Dictionary<string, string?> QuietLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
    };
}
