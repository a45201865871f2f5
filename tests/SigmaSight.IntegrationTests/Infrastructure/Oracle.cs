using System.Diagnostics;

namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>Runs the independent Python recomputation (tests/oracles) with Debian's /usr/bin/python3.</summary>
public static class Oracle
{
    public static string RepoRoot { get; } = Environment.GetEnvironmentVariable("SIGMASIGHT_REPO_ROOT") ?? FindRoot();

    public static async Task<(int ExitCode, string Output)> RecomputeSnapshotsAsync(params string[] extra)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "tests", "oracles", "recompute_snapshots.py"));
        start.ArgumentList.Add("--dsn");
        start.ArgumentList.Add(TestDatabase.ConnectionString);
        foreach (var e in extra) start.ArgumentList.Add(e);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SigmaSight.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (SigmaSight.sln)");
    }
}
