using SigmaSight.Service.Hosting;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Cli;

/// <summary>Builds the generic host a CLI verb runs in: with Hangfire servers on all queues, or none.</summary>
public static class CliHost
{
    public static IHost Build(bool withServers, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder([ConfigurationReload.Off]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Warning",
            // EF Core logs a failed query with its stack trace; the CLI prints every error that stops it as one line
            // (--verbose adds the trace), so EF's own copy would only bury it.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        });
        if (!withServers)
            builder.Configuration[$"{HangfireHostOptions.SectionName}:{nameof(HangfireHostOptions.RunServers)}"] = "false";
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // Standard output carries the verb's report (and --json's document) alone: log lines go to standard error.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSigmaSightCore(builder.Configuration);
        builder.Services.AddSigmaSightHangfire(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            OptionsValidation.ValidateNow(host.Services);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
