using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.BadInput;

/// <summary>
/// Issue 7, point 5: walks every case of <see cref="BadInputCatalogue"/> against the real database. Each must be
/// refused (exit code 64 without a stack trace, or a 4xx problem), with a message holding the case's fragment, and the
/// stored state (<see cref="StoredFingerprint"/>) must be the same after as before.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class BadInputCatalogueTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    public static TheoryData<string> CaseIds => [.. BadInputCatalogue.Cases.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Case_IsRefused_WithAMessageNamingTheItemAndTheReason_AndChangesNothing(string id)
    {
        var badInput = BadInputCatalogue.Find(id);
        var before = await StoredFingerprint.TakeAsync();

        var (outcome, message) = badInput.IsHttp ? await SendAsync(badInput) : await RunCliAsync(badInput);

        outcome.Should().Be(badInput.Expected, message);
        message.Should().Contain(badInput.Message);
        message.Should().NotContainAny(["System.", "`1", "Int32"], "messages are in plain words, without .NET type names");
        if (!badInput.IsHttp)
        {
            message.Should().NotContain("Unhandled exception", "bad input is refused, not crashed on");
            message.Should().NotMatchRegex(@"(?m)^\s+at \S+\(", "no stack trace");
        }
        (await StoredFingerprint.TakeAsync()).Should().Equal(before, "a refused input changes nothing stored");
    }

    private async Task<(int Outcome, string Message)> SendAsync(BadInputCase badInput)
    {
        using var client = fixture.Web.Client();
        using var request = new HttpRequestMessage(new HttpMethod(badInput.Method!),
            badInput.Path!.Replace("{portfolio}", fixture.PortfolioId.ToString(), StringComparison.Ordinal));
        if (badInput.Body is not null) request.Content = new StringContent(badInput.Body, Encoding.UTF8, "application/json");
        else if (badInput.Method == "POST") request.Content = new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } };
        if (!badInput.WithoutKey && badInput.Method == "POST") request.Headers.Add("X-Api-Key", ApiCalls.Key);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var detail = JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        return ((int)response.StatusCode, detail ?? text);
    }

    private static async Task<(int Outcome, string Message)> RunCliAsync(BadInputCase badInput)
    {
        var port = SigmaSight.Service.Hosting.LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServiceProcess.Dll);
        foreach (var a in badInput.Args) start.ArgumentList.Add(a.Replace("{port}", port, StringComparison.Ordinal));
        start.Environment["SIGMASIGHT_DB"] = TestDatabase.ConnectionString;
        start.Environment["Schedule__Enabled"] = "false";
        foreach (var (key, value) in badInput.Environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"still running after {ProcessTimeout.TotalSeconds} s (the input was not refused): {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
