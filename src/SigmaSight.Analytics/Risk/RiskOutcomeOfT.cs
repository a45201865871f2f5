namespace SigmaSight.Analytics.Risk;

/// <summary>
/// A risk figure, or the reason it was not computed: exactly one of <see cref="Value"/> (when
/// <see cref="Status"/> is <see cref="RiskStatus.Present"/>) and <see cref="Reason"/> is set.
/// Create with <see cref="RiskOutcome"/>.
/// </summary>
/// <typeparam name="T">The figure's record type.</typeparam>
public sealed record RiskOutcome<T>
    where T : class
{
    internal RiskOutcome(RiskStatus status, T? value, string? reason)
    {
        Status = status;
        Value = value;
        Reason = reason;
    }

    /// <summary>Present, not applicable, or insufficient history.</summary>
    public RiskStatus Status { get; }

    /// <summary>The figure; null unless <see cref="Status"/> is Present.</summary>
    public T? Value { get; }

    /// <summary>Why there is no figure (e.g. "insufficient history: 17 of 30 observations"); null when Present.</summary>
    public string? Reason { get; }

    /// <summary>Applies <paramref name="next"/> to the figure, or carries this outcome's status and reason forward.</summary>
    public RiskOutcome<TNext> Then<TNext>(Func<T, RiskOutcome<TNext>> next)
        where TNext : class
    {
        ArgumentNullException.ThrowIfNull(next);
        return Value is null ? new RiskOutcome<TNext>(Status, null, Reason) : next(Value);
    }
}
