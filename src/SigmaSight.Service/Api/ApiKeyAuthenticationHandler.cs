using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Api;

/// <summary>
/// Authenticates a request whose <c>X-Api-Key</c> header equals <c>Api:Key</c>. It runs in the authorization step,
/// before the body is read, so a caller without the key learns nothing but 401. The UTF-8 bytes of both keys are
/// hashed with SHA-256 and the digests compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither
/// the content nor the length of the key leaks through timing. The 401 is a problem saying what was wrong.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IOptionsMonitor<ApiOptions> api)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string PolicyName = "api-key";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = api.CurrentValue.Key;
        var provided = Request.Headers[HeaderName];
        var failure =
            string.IsNullOrEmpty(expected) ? "Api:Key is not set on this server, so every POST is refused; an operator must configure it"
            : provided.Count == 0 || string.IsNullOrEmpty(provided[0]) ? $"the {HeaderName} header is missing; POST endpoints require the API key"
            : provided.Count > 1 || !Matches(provided[0]!, expected) ? $"the {HeaderName} header does not hold the API key"
            : null;
        if (failure is not null) return Task.FromResult(AuthenticateResult.Fail(failure));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await ApiProblems.Unauthorized(result.Failure?.Message ?? $"the {HeaderName} header is missing")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }

    public static bool Matches(string provided, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(provided)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
