using SigmaSight.Service.Batches;

namespace SigmaSight.UnitTests.Batches;

/// <summary>
/// Issue 9 point 7: run ids as people type them. Three time-ordered ids created within the same minute share their first
/// 13 characters (the Runs page used to show 8, which repeated); the shown form (the last 12) and any unique prefix or
/// suffix find the run, an ambiguous one lists the matches.
/// </summary>
public sealed class RunReferencesTests
{
    private static readonly Guid A = Guid.Parse("019ad3f1-7c2e-7a10-8f3b-5d2a9c41e7b0");
    private static readonly Guid B = Guid.Parse("019ad3f1-7c2e-7b44-9e01-c3f08a6d2e51");
    private static readonly Guid C = Guid.Parse("019ad3f1-9a04-7c99-a2d7-0b6e4f1c93b0");

    private static IQueryable<BatchRun> Runs() => new[] { A, B, C }.Select((id, i) => new BatchRun
    {
        Id = id,
        Scope = "all",
        RequestedBy = "test",
        Kind = RunKind.Nightly,
        BusinessDate = new DateOnly(2026, 11, 24),
        CreatedAt = new DateTimeOffset(2026, 11, 25, 1, 0, i, TimeSpan.Zero),
    }).AsQueryable();

    [Fact]
    public void Shown_IsTheLastTwelveCharacters_AndDiffersForIdsWithTheSamePrefix()
    {
        RunReferences.Shown(A).Should().Be("5d2a9c41e7b0");
        new[] { A, B, C }.Select(RunReferences.Shown).Should().OnlyHaveUniqueItems();
        new[] { A, B, C }.Select(id => id.ToString("D")[..8]).Distinct().Should().ContainSingle("the old 8-character form repeated");
    }

    [Theory]
    [InlineData("5d2a9c41e7b0", "shown form")]
    [InlineData("5D2A9C41E7B0", "upper case")]
    [InlineData("019ad3f1-7c2e-7a", "unique prefix")]
    [InlineData("e7b0", "unique suffix")]
    [InlineData("019ad3f1-7c2e-7a10-8f3b-5d2a9c41e7b0", "the full id")]
    [InlineData(" 5d2a9c41e7b0 ", "surrounding spaces")]
    public void Find_NamesTheRun_FromAUniqueReference(string reference, string because)
    {
        RunReferences.Find(Runs(), reference, "run-id").Should().Be(new RunLookup(A, null, Unknown: false), because);
    }

    [Fact]
    public void Find_ListsEveryMatch_WhenThePrefixIsAmbiguous()
    {
        var lookup = RunReferences.Find(Runs(), "019ad3f1-7c2e", "run-id");

        lookup.Id.Should().BeNull();
        lookup.Unknown.Should().BeFalse();
        lookup.Problem.Should().StartWith("run '019ad3f1-7c2e' is ambiguous: it matches ")
            .And.Contain(A.ToString()).And.Contain(B.ToString()).And.NotContain(C.ToString())
            .And.Contain("Nightly 2026-11-24, created 2026-11-25 01:00:01 UTC").And.EndWith("give more characters");
    }

    [Fact]
    public void Find_ListsEveryMatch_WhenASuffixMatchesOneAndAPrefixAnother()
    {
        var lookup = RunReferences.Find(Runs(), "0", "run-id");

        lookup.Problem.Should().Contain(A.ToString()).And.Contain(B.ToString()).And.Contain(C.ToString());
    }

    [Theory]
    [InlineData("abcdef12")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public void Find_SaysTheRunDoesNotExist_WhenNothingMatches(string reference)
    {
        RunReferences.Find(Runs(), reference, "run-id").Should().Be(new RunLookup(null, $"run {reference} does not exist", Unknown: true));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("019ad3f1-7c2e-7a10-8f3b-5d2a9c41e7b0-0")]
    [InlineData("'; drop table batch_runs; --")]
    public void Find_RefusesTextThatCannotBeARunId_NamingTheItem(string reference)
    {
        var lookup = RunReferences.Find(Runs(), reference, "run-id");

        lookup.Should().Be(new RunLookup(null, $"run-id '{reference}' is not a run id (give {RunReferences.Expected})", Unknown: false));
    }
}
