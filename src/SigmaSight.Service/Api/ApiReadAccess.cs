using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SigmaSight.Service.Api;

/// <summary>
/// Decides whether a read of /api needs a key. Like the dashboard's Local mode, reads are open only to local requests
/// (after forwarded headers from known proxies) on a host that listens on loopback addresses only; a host bound to any
/// other address (0.0.0.0, a LAN address, a host name) needs <c>X-Api-Key</c> with Api:ReadKey or Api:Key for every read.
/// </summary>
public sealed class ApiReadAccess(IServer server)
{
    private string? _beyond;
    private bool _known;

    /// <summary>The first address the host listens on beyond loopback, or null when it listens on loopback only.</summary>
    public string? BeyondLoopback
    {
        get
        {
            if (_known) return _beyond;
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var beyond = addresses.Count == 0 ? "(no address known)" : addresses.FirstOrDefault(a => !IsLoopback(a));
            if (addresses.Count > 0) (_beyond, _known) = (beyond, true);
            return beyond;
        }
    }

    /// <summary>Whether this request may read without a key, and if not, why (for the 401's message).</summary>
    public string? WhyKeyNeeded(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (BeyondLoopback is { } address) return $"this host listens beyond loopback ({address})";
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote) ? null : $"the request comes from a remote client ({remote})";
    }

    /// <summary>"http://127.0.0.1:5080", "http://localhost:5080" and "http://[::1]:5080" are loopback; "http://0.0.0.0:5080", "http://*:80" are not.</summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var host = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        var colon = host.LastIndexOf(':');
        if (colon > host.LastIndexOf(']')) host = host[..colon];
        host = host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}

/// <summary>Reading portfolio data: a key with the read role, or a local request to a loopback-only host.</summary>
public sealed class ApiReadRequirement : IAuthorizationRequirement;

/// <summary>Satisfies <see cref="ApiReadRequirement"/>; otherwise the ApiKey scheme's challenge answers 401 saying which key to configure.</summary>
public sealed class ApiReadAuthorizationHandler(ApiReadAccess access) : AuthorizationHandler<ApiReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiReadRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.Resource as HttpContext;
        if (context.User.IsInRole(ApiKeyAuthenticationHandler.ReadRole) || (http is not null && access.WhyKeyNeeded(http) is null))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
