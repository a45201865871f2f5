namespace SigmaSight.Service.Hosting.Security;

/// <summary>Who may open the Hangfire dashboard at /hangfire (section <c>Dashboard</c>).</summary>
public sealed class DashboardSecurityOptions
{
    public const string SectionName = "Dashboard";
    public const string AdminRole = "admin";
    public const string ReaderRole = "reader";

    /// <summary>Local (default): requests from this machine only. Policy: Basic authentication over <see cref="Users"/>.</summary>
    public DashboardMode Mode { get; set; } = DashboardMode.Local;

    /// <summary>The dashboard's users in Policy mode.</summary>
    public DashboardUser[]? Users { get; set; }

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For/-Proto are believed (IP addresses); null = loopback only. Requests from any
    /// other address keep their own remote address, whatever headers they send.
    /// </summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>Accept Basic credentials over plain HTTP from a non-loopback client (off: they would travel in clear).</summary>
    public bool AllowBasicOverHttp { get; set; }

    /// <summary>
    /// Where people reach the service (scheme, host, port, any path prefix of a proxy): the CLI's links to the dashboard
    /// (a failed item's Hangfire job, a run's page) start with it.
    /// </summary>
    public Uri PublicUrl { get; set; } = new(DefaultPublicUrl);

    /// <summary>Where <c>serve</c> listens by default.</summary>
    public const string DefaultPublicUrl = "http://127.0.0.1:5080";

    public IReadOnlyList<string> EffectiveKnownProxies => KnownProxies ?? ["127.0.0.1", "::1"];

    public IReadOnlyList<DashboardUser> EffectiveUsers => Users ?? [];
}

/// <summary>How the dashboard is protected.</summary>
public enum DashboardMode
{
    Local,
    Policy,
}

/// <summary>A dashboard user: name, hex SHA-256 of the UTF-8 password, role (admin or reader).</summary>
public sealed class DashboardUser
{
    public string Name { get; set; } = "";
    public string PasswordSha256 { get; set; } = "";
    public string Role { get; set; } = "";
}
