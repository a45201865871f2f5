using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Cli;

/// <summary><c>serve</c>: the host with its Hangfire servers and the dashboard at /hangfire, until Ctrl+C.</summary>
public static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create()
    {
        var port = CliOptions.Bounded("--port", "HTTP port", DefaultPort, 1, 65_535);
        var host = CliOptions.IpAddress("--host", "Address to bind (0.0.0.0: every interface; then reads need Api:ReadKey)", "127.0.0.1");
        var command = new Command("serve", "Run the Hangfire servers and the dashboard (http://127.0.0.1:5080/hangfire)") { port, host };
        command.SetAction(async (result, ct) =>
        {
            var (address, number) = (result.GetValue(host)!, result.GetValue(port));
            RequireFreePort(address, number);
            var app = WebHost.Build([$"--urls=http://{address}:{number}"]);
            await Console.Out.WriteLineAsync($"serve: dashboard at http://{address}:{number}/hangfire (Ctrl+C to stop)").ConfigureAwait(false);
            await app.RunAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static void RequireFreePort(string address, int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Parse(address), port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e)
        {
            throw new UsageException($"serve: port {port} on {address} is taken ({e.SocketErrorCode}); choose another with --port");
        }
    }
}
