using System.Text.RegularExpressions;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.BadInput;

/// <summary>The README's "Bad input" table and <see cref="BadInputCatalogue"/> list the same cases, in the same order.</summary>
public sealed partial class BadInputReadmeTests
{
    [Fact]
    public void ReadmeTable_ListsEveryCatalogueCase_WithItsInputOutcomeAndMessage()
    {
        var readme = File.ReadAllText(Path.Combine(Oracle.RepoRoot, "README.md"));
        var section = readme[readme.IndexOf("### Bad input", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n#", 4, StringComparison.Ordinal);
        var rows = Row().Matches(end < 0 ? section : section[..end]).Select(m => m.Value.TrimEnd()).ToList();

        var expected = BadInputCatalogue.Cases.Select(TableRow).ToList();

        if (!rows.SequenceEqual(expected))
        {
            var table = Path.Combine(Path.GetTempPath(), "bad-input-readme-table.md");
            File.WriteAllLines(table, expected);
            rows.Should().Equal(expected, $"the README table must list the catalogue; the rows to paste are in {table}");
        }
    }

    /// <summary>The README row of one case: | id | channel | `input` | outcome | message fragment |.</summary>
    public static string TableRow(BadInputCase c) =>
        $"| {c.Id} | {c.Channel.ToString().ToLowerInvariant()} | `{c.Input}` | {(c.IsHttp ? c.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : "exit 64")} | {c.Message} |";

    [GeneratedRegex(@"(?m)^\| (cli|api|cfg|data)-\S+ \|.*$")]
    private static partial Regex Row();
}
