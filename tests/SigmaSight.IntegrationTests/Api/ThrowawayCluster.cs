using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// A private PostgreSQL cluster that a test may stop: deploy/db.sh copied into a fresh directory under /var/tmp acts as
/// another checkout, so it gets its own data directory, port and lock (the shared test cluster is never touched).
/// Disposal stops it and deletes everything it created.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string _root;

    private ThrowawayCluster(string root, string connectionString)
    {
        _root = root;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The copy of deploy/db.sh that owns this cluster.</summary>
    public string DbSh => Path.Combine(_root, "deploy", "db.sh");

    public static async Task<ThrowawayCluster> StartAsync()
    {
        var root = Path.Combine("/var/tmp", $"sigmasight-throwaway-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "deploy"));
        File.Copy(Path.Combine(Oracle.RepoRoot, "deploy", "db.sh"), Path.Combine(root, "deploy", "db.sh"));
        await DbShAsync(root, "start");
        var url = (await DbShAsync(root, "url")).Trim();
        return new ThrowawayCluster(root, url);
    }

    /// <summary>pg_ctl stop -m fast: the server is gone, its port refuses connections.</summary>
    public Task StopAsync() => DbShAsync(_root, "stop");

    /// <summary>Starts the stopped cluster again: same data directory, same port.</summary>
    public Task StartAgainAsync() => DbShAsync(_root, "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_root)))[..12];
            foreach (var path in new[] { $"/var/tmp/sigmasight-{hash}", _root })
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            File.Delete($"/var/tmp/sigmasight-{hash}.lock");
        }
    }

    private static async Task<string> DbShAsync(string root, string verb)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "deploy", "db.sh"));
        start.ArgumentList.Add(verb);
        start.Environment.Remove("SIGMASIGHT_DB");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"db.sh {verb} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
