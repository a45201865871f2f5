using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SigmaSight.Service.Persistence;

/// <summary>
/// Maps a collection property to a <c>jsonb</c> column through System.Text.Json (snake_case property names;
/// dictionary keys as they are), with a comparer that compares the serialised form, so EF Core notices changes made
/// inside the collection.
/// </summary>
public static class JsonbColumn
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The text a <c>jsonb</c> column of this mapping stores for <paramref name="value"/> (for writes outside EF Core).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>The value a <c>jsonb</c> column of this mapping holds, from its text (for reads outside EF Core).</summary>
    public static T Deserialize<T>(string text) => JsonSerializer.Deserialize<T>(text, Json)!;

    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            text => JsonSerializer.Deserialize<T>(text, Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!));
        return property;
    }
}
