using System.Security.Cryptography;
using System.Text;

namespace SigmaSight.Service.Hosting.Security;

/// <summary>Checks a name and password against the configured users, comparing SHA-256 digests in constant time.</summary>
public static class DashboardCredentials
{
    private static readonly byte[] NoUser = new byte[32];

    /// <summary>The user whose name and password match, or null. Unknown names cost the same comparison as known ones.</summary>
    public static DashboardUser? Verify(IReadOnlyList<DashboardUser> users, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        var user = users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        var expected = user is null ? NoUser : Convert.FromHexString(user.PasswordSha256);
        var matches = CryptographicOperations.FixedTimeEquals(digest, expected);
        return user is not null && matches ? user : null;
    }

    /// <summary>The value to configure as PasswordSha256 for <paramref name="password"/>.</summary>
    public static string Hash(string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
