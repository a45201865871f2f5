using SigmaSight.Service.Cli;

namespace SigmaSight.UnitTests.Batches;

/// <summary>Issue 9 point 7: dates are ISO only and instants need an explicit offset, whatever the machine's culture.</summary>
public sealed class CliParsingTests
{
    [Theory]
    [InlineData("2026-11-27", true)]
    [InlineData("11/27/2026", false)]
    [InlineData("10/11/2026", false)]
    [InlineData("27.11.2026", false)]
    [InlineData("2026-11-27T00:00:00", false)]
    [InlineData("2026-2-3", false)]
    [InlineData("20261127", false)]
    [InlineData("2026-02-30", false)]
    public void TryParseDate_AcceptsOnlyYyyyMmDd(string text, bool accepted)
    {
        CliOptions.TryParseDate(text, out var date).Should().Be(accepted);
        if (accepted) date.Should().Be(new DateOnly(2026, 11, 27));
    }

    [Theory]
    [InlineData("2026-11-24T21:30:00Z", "2026-11-24T21:30:00+00:00")]
    [InlineData("2026-11-24T21:30Z", "2026-11-24T21:30:00+00:00")]
    [InlineData("2026-11-24T16:30:00-05:00", "2026-11-24T21:30:00+00:00")]
    [InlineData("2026-11-24T16:30-05:00", "2026-11-24T21:30:00+00:00")]
    [InlineData("2026-11-24T22:30:00.25+01:00", "2026-11-24T21:30:00.25+00:00")]
    public void TryParseInstant_AcceptsIsoWithAnOffset(string text, string utc)
    {
        CliOptions.TryParseInstant(text, out var instant).Should().BeTrue();
        instant.UtcDateTime.Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }

    [Theory]
    [InlineData("2026-11-24T21:30:00", "no offset: help says one is required")]
    [InlineData("2026-11-24 21:30:00Z", "a space instead of T")]
    [InlineData("11/24/2026 21:30:00Z", "not ISO")]
    [InlineData("2026-11-24", "a date is not an instant")]
    [InlineData("yesterday", "words")]
    public void TryParseInstant_RefusesAnythingElse(string text, string because)
    {
        CliOptions.TryParseInstant(text, out _).Should().BeFalse(because);
    }
}
