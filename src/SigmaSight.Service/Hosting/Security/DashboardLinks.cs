using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Hosting.Security;

/// <summary>Absolute links into the dashboard (<see cref="DashboardSecurityOptions.PublicUrl"/> + /hangfire/…).</summary>
public sealed class DashboardLinks(Uri publicUrl)
{
    /// <summary>The links of the configured <c>Dashboard:PublicUrl</c>; a bad one is refused naming the key.</summary>
    public static DashboardLinks From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DashboardSecurityOptions options;
        try
        {
            options = configuration.GetSection(DashboardSecurityOptions.SectionName).Get<DashboardSecurityOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(
                $"Dashboard:PublicUrl '{configuration["Dashboard:PublicUrl"]}' is not a URL (e.g. {DashboardSecurityOptions.DefaultPublicUrl}): {e.InnerException?.Message ?? e.Message}");
        }
        if (Check(options.PublicUrl) is { } problem) throw new ConfigurationException(problem);
        return new DashboardLinks(options.PublicUrl);
    }

    /// <summary>Why <paramref name="url"/> cannot be the public URL, or null.</summary>
    public static string? Check(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Query.Length == 0
            ? null
            : $"Dashboard:PublicUrl '{url}' must be an absolute http or https URL without a query (e.g. {DashboardSecurityOptions.DefaultPublicUrl})";

    /// <summary>The dashboard's home page.</summary>
    public string Dashboard => Under(DashboardSecurity.Path);

    /// <summary>The Runs page of one run.</summary>
    public string Run(Guid runId) => Under($"{DashboardSecurity.Path}/runs/{runId}");

    /// <summary>Hangfire's page of one job.</summary>
    public string Job(string jobId) => Under($"{DashboardSecurity.Path}/jobs/details/{Uri.EscapeDataString(jobId)}");

    private string Under(string path) => publicUrl.AbsoluteUri.TrimEnd('/') + path;
}
