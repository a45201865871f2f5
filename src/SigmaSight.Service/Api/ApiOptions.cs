namespace SigmaSight.Service.Api;

/// <summary>The HTTP API's settings (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The key mutating requests must send in <c>X-Api-Key</c>; when unset, every POST is refused.</summary>
    public string? Key { get; set; }
}
