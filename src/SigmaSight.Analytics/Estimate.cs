using System.Diagnostics.CodeAnalysis;

namespace SigmaSight.Analytics;

/// <summary>
/// A statistic that was either computed (<see cref="HasValue"/>, read <see cref="Value"/>) or not, in which case
/// <see cref="Reason"/> says why in words that can be stored as they are, e.g.
/// "insufficient history: 17 of 30 observations". Create with <see cref="Estimates.Of{T}"/> and
/// <see cref="Estimates.Missing{T}"/>; <c>default</c> is a missing figure with the reason "not computed".
/// </summary>
/// <typeparam name="T">The figure: a number or a fit record.</typeparam>
public readonly record struct Estimate<T>
{
    private readonly T _value;
    private readonly string? _reason;

    internal Estimate(T value, bool hasValue, string? reason)
    {
        _value = value;
        HasValue = hasValue;
        _reason = reason;
    }

    /// <summary>True when the figure was computed.</summary>
    public bool HasValue { get; }

    /// <summary>The figure.</summary>
    /// <exception cref="InvalidOperationException">The figure was not computed; the message carries the reason.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException($"no figure: {Reason}");

    /// <summary>Why the figure was not computed; null when it was.</summary>
    public string? Reason => HasValue ? null : _reason ?? "not computed";

    /// <summary>The figure, when it was computed.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return HasValue;
    }

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"{_value}" : $"({Reason})";
}
