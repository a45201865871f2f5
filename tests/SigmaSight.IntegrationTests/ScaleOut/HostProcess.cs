using System.Diagnostics;
using System.Reflection;
using System.Text;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.ScaleOut;

/// <summary>
/// One real host process of the built service binary (<c>dotnet SigmaSight.Service.dll serve --port N</c>) on the
/// test database, with its output captured for assertion messages. Disposing kills it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The process id: Hangfire server ids here are "&lt;machine&gt;:&lt;pid&gt;:coord|work:&lt;guid&gt;".</summary>
    public int Pid => _process.Id;

    /// <summary>A SQL LIKE pattern matching the ids of this process's Hangfire servers.</summary>
    public string ServerIdPattern => $"%:{Pid}:%";

    /// <summary>The built service next to this test assembly's build: src/SigmaSight.Service/bin/&lt;Configuration&gt;/&lt;tfm&gt;.</summary>
    public static string ServiceDll => FindServiceDll();

    public string Output
    {
        get
        {
            lock (_output) return $"--- host {Name} (pid {Pid}, port {Port}) ---{Environment.NewLine}{_output}";
        }
    }

    /// <summary>Starts <c>serve</c> on a free port with SIGMASIGHT_DB = the test database plus the given settings.</summary>
    public static HostProcess Start(string name, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = SigmaSight.Service.Hosting.LoopbackPorts.Free();
        var dll = ServiceDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in new[] { dll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        start.Environment["SIGMASIGHT_DB"] = TestDatabase.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until both Hangfire servers of this process (coord and work) have registered.</summary>
    public async Task WaitForServersAsync(TimeSpan timeout, string? connectionString = null)
    {
        var waited = Stopwatch.StartNew();
        while (await ServersAsync(connectionString ?? TestDatabase.ConnectionString) < 2)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"host {Name} exited with {_process.ExitCode}{Environment.NewLine}{Output}");
            if (waited.Elapsed > timeout)
                throw new TimeoutException($"host {Name}: no Hangfire servers after {timeout}{Environment.NewLine}{Output}");
            await Task.Delay(200);
        }
    }

    private async Task<long> ServersAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM hangfire.server WHERE id LIKE '{ServerIdPattern}'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>SIGKILL (Process.Kill on Linux): no shutdown, no requeue, the fetched jobs stay Processing.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static string FindServiceDll()
    {
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? "Debug";
        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var dll = Path.Combine(Oracle.RepoRoot, "src", "SigmaSight.Service", "bin", configuration, framework, "SigmaSight.Service.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"the service is not built for {configuration}/{framework} (the test project references it)", dll);
    }
}
