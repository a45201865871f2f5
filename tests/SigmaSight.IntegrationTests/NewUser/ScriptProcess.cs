using System.Diagnostics;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Runs one of the checkout's deploy/ scripts with bash, as a user would, and collects its output. An empty value in
/// <c>environment</c> removes that variable.
/// </summary>
public static class ScriptProcess
{
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script,
        IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunFileAsync(Path.Combine(Oracle.RepoRoot, "deploy", script), environment, arguments);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunFileAsync(string path,
        IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(path);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment)
        {
            if (value.Length == 0) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
