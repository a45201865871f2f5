namespace SigmaSight.Service.Api;

/// <summary>The HTTP API's settings (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";
    public const int MinimumKeyLength = 16;

    /// <summary>The key mutating requests must send in <c>X-Api-Key</c>; when unset, every POST is refused. It also allows reads.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// The key that allows reads only (GET). Needed when the host listens beyond loopback (or a request comes from a remote
    /// client); on a loopback-only host, local reads need no key.
    /// </summary>
    public string? ReadKey { get; set; }

    /// <summary>Keys are long enough to resist guessing, and the read key is not the write key.</summary>
    public static IEnumerable<string> Rules(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, key) in new[] { (nameof(Key), options.Key), (nameof(ReadKey), options.ReadKey) })
            if (key is not null && key.Length < MinimumKeyLength)
                yield return $"{SectionName}:{name} is shorter than {MinimumKeyLength} characters: use a long random value (e.g. openssl rand -hex 24)";
        if (!string.IsNullOrEmpty(options.Key) && string.Equals(options.Key, options.ReadKey, StringComparison.Ordinal))
            yield return $"{SectionName}:{nameof(ReadKey)} equals {SectionName}:{nameof(Key)}: a read-only key must differ from the write key";
    }
}
