using System.Diagnostics;

namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>Runs the built service binary (the CLI) as a separate process.</summary>
public static class ServiceProcess
{
    /// <summary>The service dll built with the same configuration as this test assembly.</summary>
    public static string Dll { get; } = Path.Combine(Path.GetDirectoryName(typeof(ServiceProcess).Assembly.Location)!,
        "SigmaSight.Service.dll");

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunSeparatelyAsync(environment, arguments);
        return (exitCode, stdout + stderr);
    }

    /// <summary>Runs the CLI and returns its standard output and standard error apart (e.g. to parse --json's stdout alone).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunSeparatelyAsync(IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["SIGMASIGHT_DB"] = TestDatabase.ConnectionString;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
