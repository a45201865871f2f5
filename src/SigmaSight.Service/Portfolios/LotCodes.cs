namespace SigmaSight.Service.Portfolios;

/// <summary>The stored codes of a lot's position type and investment class.</summary>
public static class LotCodes
{
    public const string Public = "PUBLIC";
    public const string Options = "OPTIONS";
    public const string Private = "PRIVATE";

    public const string LongHolding = "LONG";
    public const string ShortHolding = "SHORT";
    public const string LongCall = "LC";
    public const string LongPut = "LP";
    public const string ShortCall = "SC";
    public const string ShortPut = "SP";

    public static IReadOnlyList<string> PositionTypes { get; } = [LongHolding, ShortHolding, LongCall, LongPut, ShortCall, ShortPut];
    public static IReadOnlyList<string> InvestmentClasses { get; } = [Public, Options, Private];
    public static IReadOnlyList<string> OptionTypes { get; } = [LongCall, LongPut, ShortCall, ShortPut];

    /// <summary>LONG, LC and LP hold a positive quantity; SHORT, SC and SP a negative one.</summary>
    public static bool IsLong(string positionType) => positionType is LongHolding or LongCall or LongPut;

    /// <summary>LC and SC are calls; LP and SP puts.</summary>
    public static bool IsCall(string positionType) => positionType is LongCall or ShortCall;

    /// <summary>
    /// The symbol whose close values <paramref name="lot"/>: an option's underlying (its own symbol when none is stored),
    /// any other lot's own symbol. Database queries spell the same rule out, since it must translate to SQL.
    /// </summary>
    public static string PricedSymbol(Position lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return lot.InvestmentClass == Options ? lot.UnderlyingSymbol ?? lot.Symbol : lot.Symbol;
    }
}
