using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SigmaSight.Service.Api;

/// <summary>Declares the X-Api-Key scheme in the OpenAPI document and requires it on every POST.</summary>
public sealed class ApiKeyOpenApiTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The value of the server's Api:Key setting, required on every POST; Api:ReadKey or Api:Key is required on " +
                "every GET when the host listens beyond loopback.",
        };
        var requirement = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
        };
        foreach (var path in document.Paths.Values)
            if (path.Operations?.TryGetValue(HttpMethod.Post, out var post) == true)
                post.Security = [requirement];
        return Task.CompletedTask;
    }
}
