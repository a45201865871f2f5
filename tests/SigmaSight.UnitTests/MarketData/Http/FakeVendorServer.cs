using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// A local stand-in for Financial Modeling Prep on 127.0.0.1 (Kestrel, port 0): each symbol answers from its script
/// (status, delay, Retry-After, a recorded body from <c>TestData/MarketData/Fmp</c>) one answer per attempt, then from
/// its default answer, and 404 for a symbol it does not know. It records every attempt (time and query). A symbol's
/// profile (<see cref="ProfileRoute"/>) is scripted and recorded under <see cref="Profile"/>.
/// </summary>
public sealed class FakeVendorServer : IAsyncDisposable
{
    public const string Route = "/api/v3/historical-price-full/{symbol}";

    public const string ProfileRoute = "/api/v3/profile/{symbol}";

    /// <summary>The key under which a symbol's profile is scripted, served and recorded (its history's is the symbol).</summary>
    public static string Profile(string symbol) => $"profile/{symbol}";

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeAnswer> _defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAttempt>> _attempts = new(StringComparer.Ordinal);

    private FakeVendorServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeVendorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeVendorServer(builder.Build());
        server._app.MapGet(Route, server.AnswerAsync);
        server._app.MapGet(ProfileRoute, (HttpContext context, string symbol) => server.AnswerAsync(context, Profile(symbol)));
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>The recorded body of a file under TestData/MarketData/Fmp.</summary>
    public static string Recorded(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "MarketData", "Fmp", file));

    /// <summary>What <paramref name="symbol"/> answers once all its scripted answers are used.</summary>
    public void Serve(string symbol, FakeAnswer answer) => _defaults[symbol] = answer;

    /// <summary>Answers for <paramref name="symbol"/>'s next attempts, in order.</summary>
    public void Script(string symbol, params FakeAnswer[] answers)
    {
        var queue = _scripts.GetOrAdd(symbol, _ => new ConcurrentQueue<FakeAnswer>());
        foreach (var answer in answers) queue.Enqueue(answer);
    }

    public IReadOnlyList<FakeAttempt> Attempts(string symbol) =>
        _attempts.TryGetValue(symbol, out var attempts) ? [.. attempts] : [];

    private async Task AnswerAsync(HttpContext context, string symbol)
    {
        _attempts.GetOrAdd(symbol, _ => new ConcurrentQueue<FakeAttempt>())
            .Enqueue(new FakeAttempt(_clock.Elapsed, context.Request.QueryString.Value ?? ""));
        var answer = _scripts.TryGetValue(symbol, out var queue) && queue.TryDequeue(out var next) ? next
            : _defaults.GetValueOrDefault(symbol) ?? new FakeAnswer(404, "{}");
        try
        {
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One scripted answer: status, body, a delay before answering, and a Retry-After header.</summary>
public sealed record FakeAnswer(int Status, string Body, TimeSpan Delay = default, int? RetryAfterSeconds = null)
{
    public static FakeAnswer Ok(string file) => new(200, FakeVendorServer.Recorded(file));
}

/// <summary>An attempt the server saw: when (since it started) and its query string.</summary>
public sealed record FakeAttempt(TimeSpan At, string Query);
