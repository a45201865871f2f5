using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Api;

/// <summary>The HTTP API under /api: JSON, problem-details errors, an OpenAPI document at /openapi/v1.json.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddSigmaSightApi(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiOptions>(ApiOptions.SectionName, ApiOptions.Rules);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
            ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<ApiReadAccess>();
        services.AddSingleton<IAuthorizationHandler, ApiReadAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.PolicyName, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(ApiKeyAuthenticationHandler.WriteRole))
            .AddPolicy(ApiKeyAuthenticationHandler.ReadPolicyName, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).AddRequirements(new ApiReadRequirement()));
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
        var reads = api.MapGroup("").RequireAuthorization(ApiKeyAuthenticationHandler.ReadPolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        reads.MapQueries();
        reads.MapClosureQueries();
        reads.MapVerify();
        app.Lifetime.ApplicationStarted.Register(() => ReportReadAccess(app));
        var commands = api.MapGroup("").RequireAuthorization(ApiKeyAuthenticationHandler.PolicyName)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        commands.MapRunCommands();
        commands.MapClosureCommands();
        commands.MapPriceImport();
        commands.MapPortfolioImport();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Says at startup whether reads of /api need a key, and warns when they are refused for want of one.</summary>
    private static void ReportReadAccess(WebApplication app)
    {
        var beyond = app.Services.GetRequiredService<ApiReadAccess>().BeyondLoopback;
        var settings = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRegistration));
        if (beyond is null) ApiLog.ReadsOpenLocally(logger);
        else if (string.IsNullOrEmpty(settings.Key) && string.IsNullOrEmpty(settings.ReadKey)) ApiLog.ReadsRefused(logger, beyond);
        else ApiLog.ReadsNeedKey(logger, beyond);
    }
}
