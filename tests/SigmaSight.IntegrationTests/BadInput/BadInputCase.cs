namespace SigmaSight.IntegrationTests.BadInput;

/// <summary>Where a bad input enters: the command line, the HTTP API, the configuration, or data already stored.</summary>
public enum BadInputChannel
{
    Cli,
    Api,
    Config,
    Data,
}

/// <summary>
/// One bad input and how it must be refused: exit code 64 (CLI, configuration) or an HTTP 4xx problem (API), with a
/// message containing <see cref="Message"/> (the item and the reason), and nothing stored changed.
/// A CLI case runs the service binary with <see cref="Args"/> and <see cref="Environment"/>; an API case sends
/// <see cref="Method"/> <see cref="Path"/> with <see cref="Body"/> (and the write key unless <see cref="WithoutKey"/>).
/// <c>{portfolio}</c> in a path stands for a demo portfolio's id, <c>{port}</c> in arguments for a free port.
/// </summary>
public sealed record BadInputCase(string Id, BadInputChannel Channel, int Expected, string Message)
{
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? Method { get; init; }
    public string? Path { get; init; }
    public string? Body { get; init; }
    public bool WithoutKey { get; init; }

    /// <summary>How the README shows the input when the literal one is unreadable (e.g. 201 characters of 'x').</summary>
    public string? Shown { get; init; }

    public bool IsHttp => Method is not null;

    /// <summary>The input as the README shows it.</summary>
    public string Input => Shown ?? (IsHttp
        ? $"{Method} {Path}{(Body is null ? (Method == "POST" ? " (no body)" : "") : " " + Body)}{(WithoutKey ? " (no X-Api-Key)" : "")}"
        : string.Join(" ", Environment.Select(e => $"{e.Key}={Quote(e.Value)}").Append("sigmasight").Concat(Args.Select(Quote))));

    public override string ToString() => Id;

    private static string Quote(string value) =>
        value.Length == 0 || value.Any(c => c is ' ' or '\'' or ';' or '*') ? $"\"{value}\"" : value;
}
