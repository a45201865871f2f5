using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Npgsql;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;

namespace SigmaSight.Service.Bench;

/// <summary>
/// The extra host processes of <c>bench --hosts N</c> (issue 10, point 5): N − 1 copies of this binary running
/// <c>serve</c> on the bench database, each with its own Hangfire servers, as an operator scales out. Their output is
/// discarded; disposing reads each one's peak RSS and kills it.
/// </summary>
public sealed class BenchWorkerHosts : IAsyncDisposable
{
    private readonly List<Process> processes;

    private BenchWorkerHosts(List<Process> processes) => this.processes = processes;

    /// <summary>Each host's peak RSS in bytes, read when the hosts were stopped (empty before).</summary>
    public IReadOnlyList<long> PeakRssBytes { get; private set; } = [];

    /// <summary>Starts <paramref name="count"/> <c>serve</c> processes and waits until their Hangfire servers registered.</summary>
    public static async Task<BenchWorkerHosts> StartAsync(int count, string benchConnection, IReadOnlyList<string>? queues,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var hosts = new BenchWorkerHosts([]);
        try
        {
            for (var i = 0; i < count; i++) hosts.processes.Add(Start(benchConnection, queues));
            await hosts.WaitForServersAsync(benchConnection, timeout, cancellationToken).ConfigureAwait(false);
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Process Start(string benchConnection, IReadOnlyList<string>? queues)
    {
        var (program, arguments) = ThisBinary();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments.Concat(["serve", "--port", LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture)]))
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in BenchHost.Settings(benchConnection)) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        for (var i = 0; i < (queues?.Count ?? 0); i++)
            start.Environment[$"{HangfireHostOptions.SectionName}__{nameof(HangfireHostOptions.Queues)}__{i}"] = queues![i];
        var process = Process.Start(start) ?? throw new InvalidOperationException("bench: could not start a worker host");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>This process's program and the arguments that start it again: the apphost, or <c>dotnet</c> and the dll.</summary>
    private static (string Program, string[] Arguments) ThisBinary()
    {
        var program = Environment.ProcessPath ?? "dotnet";
        var dll = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(program) == "dotnet" && dll is { Length: > 0 } ? (program, [dll]) : (program, []);
    }

    private async Task WaitForServersAsync(string benchConnection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Each host registers two Hangfire servers (coordination and work) named "<machine>:<pid>:…".
        var patterns = processes.Select(p => $"%:{p.Id}:%").ToArray();
        await using var connection = new NpgsqlConnection(benchConnection);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
                throw new InvalidOperationException($"bench: worker host {exited.Id} exited with {exited.ExitCode} before its Hangfire servers started");
            await using (var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.server WHERE id LIKE ANY(@patterns)", connection))
            {
                command.Parameters.AddWithValue("patterns", patterns);
                if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! >= 2L * processes.Count) return;
            }
            if (clock.Elapsed > timeout) throw new TimeoutException($"bench: worker hosts without Hangfire servers after {timeout}");
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the peak RSS of the hosts still running and kills them; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (processes.Count == 0) return;
        var peaks = new List<long>();
        foreach (var process in processes)
        {
            if (!process.HasExited && Cli.ProcessMemory.PeakResidentBytes(process.Id) is { } peak) peaks.Add(peak);
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
            await process.WaitForExitAsync().ConfigureAwait(false);
            process.Dispose();
        }
        processes.Clear();
        PeakRssBytes = peaks;
    }
}
