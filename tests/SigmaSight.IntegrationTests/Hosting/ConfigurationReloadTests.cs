using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Hosting;
using Xunit;

namespace SigmaSight.IntegrationTests.Hosting;

/// <summary>
/// Both hosts read their settings files once: no file watcher on the working directory, which in a checkout holds the
/// local cluster's data directory (issue 10: the watcher woke on every page PostgreSQL wrote).
/// </summary>
public sealed class ConfigurationReloadTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["SIGMASIGHT_DB"] = TestDatabase.ConnectionString };

    [Fact]
    public void CliHost_ReadsSettingsFiles_WithoutWatchingThem()
    {
        using var host = CliHost.Build(withServers: false, Settings);

        SettingsFiles(host.Services).Should().NotBeEmpty()
            .And.OnlyContain(f => !f.ReloadOnChange, "a settings file watched for changes puts a recursive watcher on the working directory");
    }

    [Fact]
    public async Task WebHost_ReadsSettingsFiles_WithoutWatchingThem()
    {
        await using var app = WebHost.Build(["--urls=http://127.0.0.1:0"], Settings);

        SettingsFiles(app.Services).Should().NotBeEmpty()
            .And.OnlyContain(f => !f.ReloadOnChange, "a settings file watched for changes puts a recursive watcher on the working directory");
    }

    private static List<FileConfigurationSource> SettingsFiles(IServiceProvider services) =>
        [.. ((IConfigurationRoot)services.GetRequiredService<IConfiguration>()).Providers
            .OfType<FileConfigurationProvider>().Select(p => p.Source)];
}
