using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Hosting.Security;

/// <summary>
/// HTTP Basic authentication over <see cref="DashboardSecurityOptions.Users"/>. The user gets a Name and a Role claim.
/// Credentials from a non-loopback client over plain HTTP are refused unless AllowBasicOverHttp is set (behind a TLS
/// proxy, X-Forwarded-Proto: https from a known proxy makes the request HTTPS).
/// </summary>
public sealed class BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IOptionsMonitor<DashboardSecurityOptions> dashboard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var settings = dashboard.CurrentValue;
        var remote = Context.Connection.RemoteIpAddress;
        if (!Request.IsHttps && !settings.AllowBasicOverHttp && (remote is null || !IPAddress.IsLoopback(remote)))
            return Fail("Basic credentials are accepted only over HTTPS from a remote client");
        if (!TryDecode(header.Parameter, out var name, out var password))
            return Fail("malformed Basic credentials");
        var user = DashboardCredentials.Verify(settings.EffectiveUsers, name, password);
        if (user is null) return Fail("unknown user or wrong password");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"SigmaSight Batch\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private static Task<AuthenticateResult> Fail(string reason) => Task.FromResult(AuthenticateResult.Fail(reason));

    private static bool TryDecode(string? parameter, out string name, out string password)
    {
        (name, password) = ("", "");
        if (string.IsNullOrEmpty(parameter)) return false;
        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length)) return false;
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        (name, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
