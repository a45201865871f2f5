using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Hosting.Security;

/// <summary>Fails the host's start on a dashboard configuration that would lock everyone out or let anyone in.</summary>
public sealed class DashboardSecurityValidator : IValidateOptions<DashboardSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var proxy in options.EffectiveKnownProxies)
            if (!IPAddress.TryParse(proxy, out _)) errors.Add($"Dashboard:KnownProxies: '{proxy}' is not an IP address");
        if (DashboardLinks.Check(options.PublicUrl) is { } badUrl) errors.Add(badUrl);
        if (options.Mode == DashboardMode.Policy && options.EffectiveUsers.Count == 0)
            errors.Add("Dashboard:Mode is Policy but Dashboard:Users is empty: nobody could sign in");
        for (var i = 0; i < options.EffectiveUsers.Count; i++)
        {
            var user = options.EffectiveUsers[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Dashboard:Users:{i}");
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':', StringComparison.Ordinal))
                errors.Add($"{at}:Name must be set and must not contain ':'");
            if (user.PasswordSha256.Length != 64 || !user.PasswordSha256.All(char.IsAsciiHexDigit))
                errors.Add($"{at}:PasswordSha256 must be 64 hex digits (printf %s 'password' | sha256sum)");
            if (user.Role is not (DashboardSecurityOptions.AdminRole or DashboardSecurityOptions.ReaderRole))
                errors.Add($"{at}:Role '{user.Role}' must be '{DashboardSecurityOptions.AdminRole}' or '{DashboardSecurityOptions.ReaderRole}'");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
