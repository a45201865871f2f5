using System.Reflection;
using System.Text.RegularExpressions;
using SigmaSight.Service.Hosting;

namespace SigmaSight.UnitTests.Docs;

/// <summary>
/// The README's configuration reference (issue 9, point 6) names exactly the keys the code reads: every settable
/// property of every options class (a class with a <c>SectionName</c>), per section, with its environment variable.
/// </summary>
public partial class ConfigurationReferenceTests
{
    private static readonly Dictionary<string, HashSet<string>> CodeKeys = typeof(BatchOptions).Assembly.GetTypes()
        .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
        .Where(t => t.Section is not null)
        .ToDictionary(t => t.Section!, t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic).Select(p => p.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly List<(string Section, string Key, string Environment)> ReadmeRows = ReadReference();

    [Fact]
    public void Readme_DocumentsEverySectionOfTheCode_AndNoOther() =>
        ReadmeRows.Select(r => r.Section).Distinct().Order(StringComparer.Ordinal)
            .Should().Equal(CodeKeys.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Readme_ListsExactlyTheKeysOfEachOptionsClass()
    {
        foreach (var (section, keys) in CodeKeys)
        {
            ReadmeRows.Where(r => r.Section == section).Select(r => r.Key).Should()
                .BeEquivalentTo(keys, "README's {0}:* table should list the {0} options class's keys, no more, no less", section);
        }
    }

    [Fact]
    public void Readme_GivesEachKeyItsEnvironmentVariable() =>
        ReadmeRows.Should().OnlyContain(r => r.Environment == $"{r.Section.Replace(":", "__", StringComparison.Ordinal)}__{r.Key}");

    [Fact]
    public void Reference_IsFoundAndCoversTheCoreSections() =>
        ReadmeRows.Select(r => r.Section).Should().Contain(["Batch", "Hangfire", "Schedule", "Analytics", "MarketData", "Telemetry"]);

    /// <summary>The rows of every <c>**`Section:*`**</c> table in README's "## Configuration" section.</summary>
    private static List<(string, string, string)> ReadReference()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "README has a Configuration section");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var rows = new List<(string, string, string)>();
        string? section = null;
        foreach (var line in readme[start..end].Split('\n'))
        {
            if (SectionHeader().Match(line) is { Success: true } header) section = header.Groups["section"].Value;
            else if (section is not null && KeyRow().Match(line) is { Success: true } row)
                rows.Add((section, row.Groups["key"].Value, row.Groups["env"].Value));
        }
        return rows;
    }

    /// <summary>A section may be nested (<c>MarketData:Http</c>); its environment variables then use <c>__</c> for each colon.</summary>
    [GeneratedRegex(@"^\*\*`(?<section>[A-Za-z]+(:[A-Za-z]+)*):\*`\*\*")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z]+)` \|[^|]*\| `(?<env>[A-Za-z_]+)` \|")]
    private static partial Regex KeyRow();
}
