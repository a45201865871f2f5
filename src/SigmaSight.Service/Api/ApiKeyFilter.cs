using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Api;

/// <summary>
/// Admits a request only when its <c>X-Api-Key</c> header equals <c>Api:Key</c>. The UTF-8 bytes of both are hashed
/// with SHA-256 and the digests compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the
/// content nor the length of the key leaks through timing.
/// </summary>
public sealed class ApiKeyFilter(IOptionsMonitor<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.CurrentValue.Key;
        if (string.IsNullOrEmpty(expected))
            return ApiProblems.Unauthorized("Api:Key is not set on this server, so every POST is refused; an operator must configure it");
        var provided = context.HttpContext.Request.Headers[HeaderName];
        if (provided.Count == 0 || string.IsNullOrEmpty(provided[0]))
            return ApiProblems.Unauthorized($"the {HeaderName} header is missing; POST endpoints require the API key");
        if (provided.Count > 1 || !Matches(provided[0]!, expected))
            return ApiProblems.Unauthorized($"the {HeaderName} header does not hold the API key");
        return await next(context).ConfigureAwait(false);
    }

    public static bool Matches(string provided, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(provided)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
