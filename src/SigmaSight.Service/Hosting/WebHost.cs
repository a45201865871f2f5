using Hangfire;

namespace SigmaSight.Service.Hosting;

/// <summary>The web host: Hangfire servers, dashboard at /hangfire (local requests only) and health endpoints.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSigmaSightCore(builder.Configuration);
        builder.Services.AddSigmaSightHangfire(builder.Configuration);
        var app = builder.Build();
        Dashboard.RunsDashboard.Register();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DisplayStorageConnectionString = false,
            DashboardTitle = "SigmaSight Batch",
        });
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        return app;
    }
}
