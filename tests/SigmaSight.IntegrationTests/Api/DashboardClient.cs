using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// Requests to the dashboard as a remote browser behind the loopback reverse proxy would send them: X-Forwarded-For
/// (the remote client), X-Forwarded-Proto https (TLS ends at the proxy), optional Basic credentials, and for POSTs
/// Hangfire's antiforgery header and cookie taken from a page the same user loaded.
/// </summary>
public sealed partial class DashboardClient(HttpClient client, string? user = null, string? password = null)
{
    public const string RemoteClient = "203.0.113.7";

    public bool Remote { get; init; } = true;

    public bool Https { get; init; } = true;

    public Task<HttpResponseMessage> GetAsync(string path) => client.SendAsync(Request(HttpMethod.Get, path), Ct);

    /// <summary>Posts a Hangfire batch command (form field jobs[]) with a valid antiforgery token of this user.</summary>
    public async Task<HttpResponseMessage> PostCommandAsync(string path, params string[] jobIds)
    {
        using var page = await GetAsync("/hangfire/jobs/failed");
        var html = await page.Content.ReadAsStringAsync(Ct);
        var header = CsrfHeader().Match(html).Groups[1].Value;
        var token = CsrfToken().Match(html).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var request = Request(HttpMethod.Post, path);
        request.Headers.Add(header, token);
        request.Headers.Add("Cookie", cookie);
        request.Content = new FormUrlEncodedContent(jobIds.Select(id => KeyValuePair.Create("jobs[]", id)));
        return await client.SendAsync(request, Ct);
    }

    public HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (Remote) request.Headers.Add("X-Forwarded-For", RemoteClient);
        if (Https) request.Headers.Add("X-Forwarded-Proto", "https");
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
