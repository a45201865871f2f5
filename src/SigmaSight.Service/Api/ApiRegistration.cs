using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace SigmaSight.Service.Api;

/// <summary>The HTTP API under /api: JSON, problem-details errors, an OpenAPI document at /openapi/v1.json.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddSigmaSightApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
            ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthenticationHandler.PolicyName, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures throw, so ApiExceptionHandler can say which field was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A misspelt field must not silently fall back to a default (e.g. a run for the wrong date).
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddScoped<RunCommandEndpoints.RunContext>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyOpenApiTransformer>());
        return services;
    }

    public static WebApplication MapSigmaSightApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("SigmaSight Batch");
        api.MapQueries();
        api.MapClosureQueries();
        var commands = api.MapGroup("").RequireAuthorization(ApiKeyAuthenticationHandler.PolicyName)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        commands.MapRunCommands();
        commands.MapClosureCommands();
        commands.MapPortfolioImport();
        app.MapOpenApi();
        return app;
    }
}
