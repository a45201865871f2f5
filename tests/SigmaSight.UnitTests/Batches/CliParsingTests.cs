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

    [Theory]
    [InlineData("0001-01-01", "--from 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("1899-12-29", "--from 1899-12-29 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("9999-12-31", "--from 9999-12-31 is outside the supported dates 1900-01-01..2199-12-31")]
    public void DateOption_RefusesADateOutsideTheSupportedRange_BeforeAnyDateArithmetic(string text, string error)
    {
        var from = CliOptions.Date("--from", "First date");

        var parsed = new System.CommandLine.RootCommand { from }.Parse(["--from", text]);

        parsed.Errors.Select(e => e.Message).Should().Equal(error);
    }

    [Theory]
    [InlineData("0001-01-02T00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("9999-12-31T00:00Z")]
    public void InstantsOption_RefusesAnInstantOutsideTheSupportedRange(string text)
    {
        var at = CliOptions.Instants("--at", "Trigger instants");

        var parsed = new System.CommandLine.RootCommand { at }.Parse(["--at", text]);

        parsed.Errors.Select(e => e.Message).Should().Equal($"--at '{text}' is outside the supported dates 1900-01-01..2199-12-31 (UTC)");
    }

    [Theory]
    [InlineData("1000000", "--keep-days 1000000 is out of range: give 1..3650")]
    [InlineData("0", "--keep-days 0 is out of range: give 1..3650")]
    [InlineData("ninety", "--keep-days 'ninety' is not a whole number: give 1..3650")]
    public void PruneKeepDays_IsRefused_NamingTheLimit_WhenOutOfRange(string days, string error)
    {
        var parsed = PruneCommand.Create([]).Parse(["--keep-days", days, "--dry-run"]);

        parsed.Errors.Select(e => e.Message).Should().Equal(error);
    }
}
