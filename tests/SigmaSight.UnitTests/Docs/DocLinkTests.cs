using System.Text.RegularExpressions;

namespace SigmaSight.UnitTests.Docs;

/// <summary>
/// Issue 9 point 7: the project's docs stand alone. Every relative link in README.md and docs/*.md resolves to a file of
/// the repository, and none points at a document that is not in it (DESIGN, notes/contract.md).
/// </summary>
public sealed partial class DocLinkTests
{
    public static TheoryData<string> Documents => [.. Files().Select(f => Path.GetRelativePath(Root, f))];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLink_ResolvesToAFileOfTheRepository(string document)
    {
        var path = Path.Combine(Root, document);
        var text = File.ReadAllText(path);
        var broken = Link().Matches(text).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#') && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)))
            .ToList();

        broken.Should().BeEmpty();
        text.Should().NotContain("DESIGN §").And.NotContain("notes/contract.md", "documents outside the repository");
    }

    [Fact]
    public void TheDocs_HoldThePnlModelAndTheAnalyticsConventions_AndTheReadmeLinksThem()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        readme.Should().Contain("(docs/pnl-model.md)").And.Contain("(docs/analytics-conventions.md)");
        File.ReadAllText(Path.Combine(Root, "docs", "pnl-model.md")).Should().Contain("daily_pnl_D = NAV_D − NAV_prev − flow_D");
        File.ReadAllText(Path.Combine(Root, "docs", "analytics-conventions.md")).Should().Contain("252 trading days a year");
    }

    private static string Root { get; } = RepositoryRoot.Path;

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Prepend(Path.Combine(Root, "README.md"));

    /// <summary>Inline Markdown links and images: [text](target) or ![alt](target "title").</summary>
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
