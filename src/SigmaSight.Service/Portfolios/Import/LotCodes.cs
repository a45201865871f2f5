namespace SigmaSight.Service.Portfolios.Import;

/// <summary>The stored codes of a lot's position type and investment class.</summary>
public static class LotCodes
{
    public const string Public = "PUBLIC";
    public const string Options = "OPTIONS";
    public const string Private = "PRIVATE";

    public static IReadOnlyList<string> PositionTypes { get; } = ["LONG", "SHORT", "LC", "LP", "SC", "SP"];
    public static IReadOnlyList<string> InvestmentClasses { get; } = [Public, Options, Private];
    public static IReadOnlyList<string> OptionTypes { get; } = ["LC", "LP", "SC", "SP"];

    /// <summary>LONG, LC and LP hold a positive quantity; SHORT, SC and SP a negative one.</summary>
    public static bool IsLong(string positionType) => positionType is "LONG" or "LC" or "LP";
}
