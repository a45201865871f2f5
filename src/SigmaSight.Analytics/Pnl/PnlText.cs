using System.Globalization;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Formatting shared by the P&amp;L error messages.</summary>
internal static class PnlText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? date) => date is { } d ? Iso(d) : "(none)";

    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
