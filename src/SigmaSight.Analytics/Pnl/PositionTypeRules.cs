using SigmaSight.Analytics.Options;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Multiplier, direction and option kind implied by a <see cref="PositionType"/>.</summary>
public static class PositionTypeRules
{
    /// <summary>Shares per option contract.</summary>
    public const decimal OptionMultiplier = 100m;

    /// <summary>True for LC, LP, SC and SP.</summary>
    public static bool IsOption(this PositionType type) =>
        type is PositionType.LongCall or PositionType.LongPut or PositionType.ShortCall or PositionType.ShortPut;

    /// <summary>True when the quantity must be positive (LONG, LC, LP); false when negative (SHORT, SC, SP).</summary>
    public static bool IsLong(this PositionType type) =>
        type is PositionType.Long or PositionType.LongCall or PositionType.LongPut;

    /// <summary>100 for options (quantities are contracts), 1 otherwise.</summary>
    public static decimal Multiplier(this PositionType type) => type.IsOption() ? OptionMultiplier : 1m;

    /// <summary>Call for LC/SC, put for LP/SP, null for non-options.</summary>
    public static OptionKind? OptionKind(this PositionType type) => type switch
    {
        PositionType.LongCall or PositionType.ShortCall => Options.OptionKind.Call,
        PositionType.LongPut or PositionType.ShortPut => Options.OptionKind.Put,
        _ => null,
    };
}
