using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using SigmaSight.Service.Cli;

namespace SigmaSight.Service.Api;

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, an unknown field, a query value that does
/// not parse), <see cref="UsageException"/> and <see cref="Batches.RunRefusedException"/> into 400 problem details that name the field; anything else is left to
/// the default 500 problem, which reveals nothing.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json, BodyTypeOf(httpContext)),
            BadHttpRequestException missing when IsMissingBody(missing) => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { ["body"] = [MissingBody] })
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request body is not valid", Detail = MissingBody,
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request is not valid", Detail = bad.Message },
            UsageException or Batches.RunRefusedException => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request is not valid", Detail = exception.Message,
            },
            _ => null,
        };
        if (problem is null) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = problem, Exception = exception,
        }).ConfigureAwait(false);
    }

    private static HttpValidationProblemDetails FromJson(JsonException json, Type? bodyType)
    {
        var unknown = UnmappedProperty().Match(json.Message);
        var (field, reason) = unknown.Success
            ? (unknown.Groups[1].Value, $"{unknown.Groups[1].Value} is not a field of this request")
            : json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? (FieldOf(json.Path), $"{FieldOf(json.Path)}: {Expectation(bodyType, FieldOf(json.Path))}")
                : ("body", $"the body is not valid JSON: {json.Message}");
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid",
            Detail = reason,
        };
    }

    private const string MissingBody = "the request body is missing: send a JSON object (Content-Type: application/json)";

    /// <summary>ASP.NET Core's words for a POST without a body ("Implicit body inferred … but no body was provided").</summary>
    private static bool IsMissingBody(BadHttpRequestException bad) =>
        bad.Message.Contains("no body was provided", StringComparison.Ordinal)
        || bad.Message.Contains("was not provided from body", StringComparison.Ordinal);

    /// <summary>The failed endpoint's body type (the exception handler has already cleared the context's endpoint).</summary>
    private static Type? BodyTypeOf(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>What the body's property named <paramref name="field"/> (JSON names are case-insensitive) must hold.</summary>
    private static string Expectation(Type? bodyType, string field)
    {
        var type = bodyType?.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(DateOnly) ? "expected a date as yyyy-MM-dd"
            : type == typeof(bool) ? "expected true or false"
            : type == typeof(string) ? "expected a string"
            : "the value has the wrong type";
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
