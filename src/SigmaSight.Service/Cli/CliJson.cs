using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmaSight.Service.Cli;

/// <summary>The JSON of <c>--json</c>: camelCase names (the API's), enums as names, indented; nothing else goes to stdout.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // "P&L", not "P\u0026L": the document goes to a terminal or a file, never into HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task WriteAsync<T>(T value) => Console.Out.WriteLineAsync(JsonSerializer.Serialize(value, Options));
}
