namespace SigmaSight.Service.Risk;

/// <summary>The values of <see cref="FactorDefinition.FactorType"/>.</summary>
public static class FactorTypes
{
    public const string Market = "market";
    public const string Macro = "macro";
    public const string Style = "style";
}
