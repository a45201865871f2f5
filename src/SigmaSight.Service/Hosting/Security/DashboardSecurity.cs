using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Hosting.Security;

/// <summary>
/// The Hangfire dashboard at /hangfire and what guards it: forwarded headers from known proxies only (both modes), then
/// either Hangfire's local-requests-only filter (Local) or an authorization policy over Basic users with an admin and
/// a read-only role (Policy). Dashboard POSTs carry Hangfire's antiforgery token.
/// </summary>
public static class DashboardSecurity
{
    public const string Path = "/hangfire";
    public const string PolicyName = "dashboard";

    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services)
    {
        services.AddOptions<DashboardSecurityOptions>().BindConfiguration(DashboardSecurityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardSecurityOptions>, DashboardSecurityValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<DashboardSecurityOptions>>((o, dashboard) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in dashboard.Value.EffectiveKnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthenticationHandler>(
                BasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(DashboardSecurityOptions.AdminRole, DashboardSecurityOptions.ReaderRole));
        // Hangfire validates its dashboard POSTs against IAntiforgery when it is registered: Basic credentials are
        // replayed by browsers, so without it another site could make an admin's browser requeue or delete jobs.
        services.AddAntiforgery();
        return services;
    }

    /// <summary>Forwarded headers first, so that every later decision sees the real client address and scheme.</summary>
    public static WebApplication UseDashboardForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>After authorization: a signed-in user without the admin role may not change anything (403).</summary>
    public static WebApplication UseDashboardWriteGuard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (IsReaderWrite(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem($"user {context.User.Identity!.Name} has the read-only role; changing jobs needs the admin role",
                    statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    public static IEndpointConventionBuilder MapSigmaSightDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<DashboardSecurityOptions>>().Value;
        var options = new DashboardOptions
        {
            DisplayStorageConnectionString = false,
            DashboardTitle = "SigmaSight Batch",
        };
        if (settings.Mode == DashboardMode.Local)
            return app.MapHangfireDashboard(Path, options); // default Authorization: LocalRequestsOnlyAuthorizationFilter
        options.IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(DashboardSecurityOptions.AdminRole);
        return app.MapHangfireDashboardWithAuthorizationPolicy(PolicyName, Path, options);
    }

    /// <summary>A POST to the dashboard (other than its statistics poll) by an authenticated user who is not an admin.</summary>
    private static bool IsReaderWrite(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase, out var rest)
        && !rest.Equals("/stats", StringComparison.OrdinalIgnoreCase)
        && context.User.Identity?.IsAuthenticated == true
        && !context.User.IsInRole(DashboardSecurityOptions.AdminRole);
}
