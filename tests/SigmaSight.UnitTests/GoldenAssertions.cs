namespace SigmaSight.UnitTests;

/// <summary>Comparisons with the oracles' golden numbers: 1e-9 relative.</summary>
internal static class GoldenAssertions
{
    public const double RelativeTolerance = 1e-9;

    public static void ShouldMatchGolden(this double actual, double expected, string what) =>
        actual.Should().BeApproximately(expected, RelativeTolerance * Math.Abs(expected), "{0} is {1:R} in the oracle", what, expected);

    public static bool Flag(this IReadOnlyDictionary<string, string> row, string column) => row[column] switch
    {
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"{column}: '{other}' is not true/false"),
    };

    public static int Integer(this IReadOnlyDictionary<string, string> row, string column) =>
        int.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture);
}
