using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// The business date of a trigger instant does not depend on the process's time zone: the CLI resolves the same
/// instants under TZ=UTC, Pacific/Auckland and America/Los_Angeles, honouring a closure added to market_closures.
/// Expected dates were worked out by hand (EDT = UTC−4 from 2026-03-08 to 2026-11-01, EST = UTC−5 otherwise).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class BusinessDateProcessTests
{
    private static readonly (string Instant, string Expected)[] Cases =
    [
        ("2026-11-24T21:29:00Z", "2026-11-23"), // ordinary Tuesday 16:29 EST
        ("2026-11-24T21:31:00Z", "2026-11-24"), // 16:31 EST
        ("2026-03-08T20:29:00Z", "2026-03-06"), // spring DST change day (Sunday) 16:29 EDT
        ("2026-03-08T20:31:00Z", "2026-03-06"), // 16:31 EDT
        ("2026-11-01T21:29:00Z", "2026-10-30"), // autumn DST change day (Sunday) 16:29 EST
        ("2026-11-01T21:31:00Z", "2026-10-30"), // 16:31 EST
        ("2026-11-25T04:30:00Z", "2026-11-24"), // 23:30 New York
        ("2026-11-28T17:00:00Z", "2026-11-27"), // Saturday
        ("2026-11-26T22:00:00Z", "2026-11-25"), // Thanksgiving 17:00 EST
        ("2026-11-27T22:00:00Z", "2026-11-27"), // the day after Thanksgiving
        ("2026-12-22T22:00:00Z", "2026-12-21"), // 2026-12-22 added to market_closures below
    ];

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Auckland")]
    [InlineData("America/Los_Angeles")]
    public async Task BusinessDate_IsTheSame_WhateverTheProcessTimeZone(string timeZone)
    {
        await using (await BatchTestHost.StartAsync(withServers: false)) { }
        var environment = new Dictionary<string, string> { ["TZ"] = timeZone };
        var added = await ServiceProcess.RunAsync(environment, "add-closure", "--date", "2026-12-22", "--reason", "test closure");
        added.ExitCode.Should().Be(0, added.Output);
        var again = await ServiceProcess.RunAsync(environment, "add-closure", "--date", "2026-12-22", "--reason", "twice");
        again.ExitCode.Should().Be(64, "a closure is added once");
        again.Output.Should().Contain("2026-12-22 is already in market_closures");

        var (exitCode, output) = await ServiceProcess.RunAsync(environment,
            ["business-date", "--at", .. Cases.Select(c => c.Instant)]);

        exitCode.Should().Be(0, output);
        var resolved = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Length > 20 && char.IsDigit(l[0])).Select(l => l.Split(' ')[1]).ToList();
        resolved.Should().Equal(Cases.Select(c => c.Expected), $"TZ={timeZone}: {output}");
    }
}
