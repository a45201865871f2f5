using System.Net;
using System.Text;
using System.Text.Json;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>JSON requests to the HTTP API and their parsed answers.</summary>
public static class ApiCalls
{
    public const string Key = "test-api-key-0123456789";

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        this HttpClient client, string path, string json, string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await BodyAsync(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>Polls GET /api/runs/{id} until the run has left Running (or the timeout passes).</summary>
    public static async Task<JsonElement> WaitForRunAsync(this HttpClient client, string runId, int timeoutSeconds = 240)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (_, body) = await client.GetJsonAsync($"/api/runs/{runId}");
            var status = body.GetProperty("run").GetProperty("status").GetString();
            if (status != "Running" || waited.Elapsed > TimeSpan.FromSeconds(timeoutSeconds)) return body;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
