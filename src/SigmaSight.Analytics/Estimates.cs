using System.Globalization;

namespace SigmaSight.Analytics;

/// <summary>Creates <see cref="Estimate{T}"/> values and the standard reason texts.</summary>
public static class Estimates
{
    /// <summary>A computed figure.</summary>
    public static Estimate<T> Of<T>(T value) => new(value, hasValue: true, reason: null);

    /// <summary>A figure that was not computed, with the reason to store.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    public static Estimate<T> Missing<T>(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(default!, hasValue: false, reason);
    }

    /// <summary>The figure as a nullable number: null when it was not computed.</summary>
    public static T? ValueOrNull<T>(this Estimate<T> estimate) where T : struct =>
        estimate.TryGetValue(out var value) ? value : null;

    /// <summary>"insufficient history: <paramref name="available"/> of <paramref name="required"/> <paramref name="unit"/>".</summary>
    public static string InsufficientHistory(int available, int required, string unit = "observations") =>
        string.Create(CultureInfo.InvariantCulture, $"insufficient history: {available} of {required} {unit}");
}
