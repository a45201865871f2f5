using System.Globalization;

namespace SigmaSight.Analytics.Risk;

/// <summary>Creates <see cref="RiskOutcome{T}"/> values with the standard reason texts.</summary>
public static class RiskOutcome
{
    /// <summary>A computed figure.</summary>
    public static RiskOutcome<T> Present<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RiskOutcome<T>(RiskStatus.Present, value, null);
    }

    /// <summary>No figure, for the given reason.</summary>
    public static RiskOutcome<T> NotApplicable<T>(string reason)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new RiskOutcome<T>(RiskStatus.NotApplicable, null, reason);
    }

    /// <summary>No figure: "insufficient history: <paramref name="observations"/> of <paramref name="required"/> observations".</summary>
    public static RiskOutcome<T> InsufficientHistory<T>(int observations, int required)
        where T : class =>
        new(RiskStatus.InsufficientHistory, null,
            string.Create(CultureInfo.InvariantCulture, $"insufficient history: {observations} of {required} observations"));
}
