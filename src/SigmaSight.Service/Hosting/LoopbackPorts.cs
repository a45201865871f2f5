using System.Net;
using System.Net.Sockets;

namespace SigmaSight.Service.Hosting;

/// <summary>Free TCP ports on 127.0.0.1, for a child host process (bench <c>--hosts</c>) or a test's web host.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nobody listens on at this moment (the system's choice for port 0).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
