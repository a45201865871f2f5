using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Api;

/// <summary>
/// Authenticates a request whose <c>X-Api-Key</c> header equals <c>Api:Key</c> (role write and read) or
/// <c>Api:ReadKey</c> (role read). It runs in the authorization step, before the body is read, so a caller without the
/// key learns nothing but 401. The UTF-8 bytes of the keys are hashed with SHA-256 and the digests compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, both keys every time, so neither the content, the length nor
/// which key matched leaks through timing. The 401 (and the 403 of a read key on a POST) is a problem saying what was wrong.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IOptionsMonitor<ApiOptions> api, ApiReadAccess access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string PolicyName = "api-key";
    public const string ReadPolicyName = "api-read";
    public const string HeaderName = "X-Api-Key";
    public const string WriteRole = "api-write";
    public const string ReadRole = "api-read";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = api.CurrentValue;
        var provided = Request.Headers[HeaderName];
        if (provided.Count == 0 || string.IsNullOrEmpty(provided[0])) return Fail($"the {HeaderName} header is missing");
        var writes = Matches(provided[0]!, settings.Key);
        var reads = Matches(provided[0]!, settings.ReadKey);
        if (provided.Count > 1 || !(writes || reads)) return Fail($"the {HeaderName} header does not hold the API key");
        Claim[] claims = writes
            ? [new(ClaimTypes.Name, "api-key"), new(ClaimTypes.Role, WriteRole), new(ClaimTypes.Role, ReadRole)]
            : [new(ClaimTypes.Name, "api-read-key"), new(ClaimTypes.Role, ReadRole)];
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var failure = result.Failure?.Message ?? $"the {HeaderName} header is missing";
        var settings = api.CurrentValue;
        var detail = IsRead(Request)
            ? ReadRefusal(failure, settings)
            : string.IsNullOrEmpty(settings.Key)
                ? "Api:Key is not set on this server, so every POST is refused; an operator must configure it"
                : $"{failure}; POST endpoints require the API key (Api:Key)";
        await ApiProblems.Unauthorized(detail).ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem($"the {HeaderName} header holds the read-only key (Api:ReadKey); changing anything needs Api:Key",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);

    private string ReadRefusal(string failure, ApiOptions settings)
    {
        var why = access.WhyKeyNeeded(Context) ?? "reads need a key";
        return string.IsNullOrEmpty(settings.Key) && string.IsNullOrEmpty(settings.ReadKey)
            ? $"{why} and neither Api:ReadKey nor Api:Key is set, so every read is refused; an operator must configure Api:ReadKey"
            : $"{failure}; {why}, so reading needs the read key (Api:ReadKey) or the API key (Api:Key)";
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static Task<AuthenticateResult> Fail(string reason) => Task.FromResult(AuthenticateResult.Fail(reason));

    /// <summary>Constant-time comparison of SHA-256 digests; an unset key matches nothing (its digest is still computed).</summary>
    public static bool Matches(string provided, string? expected)
    {
        ArgumentNullException.ThrowIfNull(provided);
        var equal = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(provided)), SHA256.HashData(Encoding.UTF8.GetBytes(expected ?? "")));
        return equal && !string.IsNullOrEmpty(expected);
    }
}
