using System.Net;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Hosting.Security;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// Dashboard:Mode = Policy behind a loopback reverse proxy: Basic users with the admin or the read-only role, every
/// request seen from the remote client 203.0.113.7 (asserted through the test probe).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DashboardPolicyModeTests : IAsyncLifetime
{
    private const string Admin = "ops";
    private const string AdminPassword = "correct horse battery staple";
    private const string Reader = "viewer";
    private const string ReaderPassword = "read only please";
    private WebTestHost _host = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:Mode"] = "Policy",
            ["Dashboard:Users:0:Name"] = Admin,
            ["Dashboard:Users:0:PasswordSha256"] = DashboardCredentials.Hash(AdminPassword),
            ["Dashboard:Users:0:Role"] = "admin",
            ["Dashboard:Users:1:Name"] = Reader,
            ["Dashboard:Users:1:PasswordSha256"] = DashboardCredentials.Hash(ReaderPassword),
            ["Dashboard:Users:1:Role"] = "reader",
        });
        _http = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_Returns401WithBasicChallenge_WhenARemoteClientSendsNoCredentials()
    {
        using var response = await new DashboardClient(_http).GetAsync("/hangfire");

        DashboardLocalModeTests.RemoteAddress(response).Should().Be(DashboardClient.RemoteClient);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task Dashboard_Returns401_WhenThePasswordIsWrong()
    {
        using var response = await new DashboardClient(_http, Admin, AdminPassword + "x").GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Dashboard_Returns401_WhenRemoteCredentialsComeOverPlainHttp()
    {
        using var response = await new DashboardClient(_http, Admin, AdminPassword) { Https = false }.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "Basic credentials must not travel in clear");
    }

    [Fact]
    public async Task Dashboard_Returns200_ForARemoteAdminAndARemoteReader()
    {
        foreach (var (user, password) in new[] { (Admin, AdminPassword), (Reader, ReaderPassword) })
        {
            using var response = await new DashboardClient(_http, user, password).GetAsync("/hangfire/jobs/failed");

            DashboardLocalModeTests.RemoteAddress(response).Should().Be(DashboardClient.RemoteClient);
            response.StatusCode.Should().Be(HttpStatusCode.OK, user);
        }
    }

    [Fact]
    public async Task Requeue_Returns403ForTheReader_And204ForTheAdmin_WhenAJobFailed()
    {
        var jobId = _host.Services.GetRequiredService<IBackgroundJobClient>()
            .Create(() => ApiTestJobs.Nothing(), new FailedState(new InvalidOperationException("test failure")));

        using (var denied = await new DashboardClient(_http, Reader, ReaderPassword).PostCommandAsync("/hangfire/jobs/failed/requeue", jobId))
            denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using (var deniedDetails = await new DashboardClient(_http, Reader, ReaderPassword).PostCommandAsync($"/hangfire/jobs/actions/requeue/{jobId}"))
            deniedDetails.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        StateOf(jobId).Should().Be(FailedState.StateName, "the reader changed nothing");

        using var allowed = await new DashboardClient(_http, Admin, AdminPassword).PostCommandAsync("/hangfire/jobs/failed/requeue", jobId);

        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        StateOf(jobId).Should().Be(EnqueuedState.StateName);
    }

    [Fact]
    public async Task StatsPoll_Returns200_ForTheReader()
    {
        using var response = await new DashboardClient(_http, Reader, ReaderPassword).PostCommandAsync("/hangfire/stats");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the read-only role still sees live statistics");
    }

    [Fact]
    public async Task Requeue_Returns403_WhenTheAntiforgeryTokenIsMissing()
    {
        var jobId = _host.Services.GetRequiredService<IBackgroundJobClient>()
            .Create(() => ApiTestJobs.Nothing(), new FailedState(new InvalidOperationException("test failure")));
        using var request = new DashboardClient(_http, Admin, AdminPassword).Request(HttpMethod.Post, "/hangfire/jobs/failed/requeue");
        request.Content = new FormUrlEncodedContent([KeyValuePair.Create("jobs[]", jobId)]);

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a cross-site form post carries no antiforgery token");
        StateOf(jobId).Should().Be(FailedState.StateName);
    }

    private string StateOf(string jobId)
    {
        using var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId).Name;
    }
}

/// <summary>A job that does nothing, for dashboard commands; created Failed, it must stay Failed (no retry).</summary>
public static class ApiTestJobs
{
    [AutomaticRetry(Attempts = 0)]
    public static void Nothing()
    {
    }
}
