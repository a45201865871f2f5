using SigmaSight.Service.Batches;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Cli.Terminal;
using Spectre.Console.Testing;

namespace SigmaSight.UnitTests.Cli;

/// <summary>
/// What the CLI draws on a terminal (tables, live bars) and that the same output written to a pipe carries no ANSI
/// escape; Spectre's <see cref="TestConsole"/> renders the tables without a terminal.
/// </summary>
public sealed class TerminalOutputTests
{
    private const char Escape = '\u001b';
    private static readonly string[] PnlRow = ["P&L and snapshot", "CompletedWithErrors", "305", "305", "293", "1", "11", "7.5 s"];
    private static readonly string[] TotalRow = ["total", "313", "313", "300", "1", "12"];

    [Fact]
    public void StatusTables_ListThePhasesWithTotals_TheFailedItemWithItsErrorAndJobLink_AndTheFindings()
    {
        var console = new TestConsole().Width(250);
        RunStatusTables.Render(console, CliSamples.StatusView());
        var lines = console.Lines;

        lines.Should().Contain(l => l.Contains("P&L and snapshot", StringComparison.Ordinal) && l.Contains("CompletedWithErrors", StringComparison.Ordinal)
            && Cells(l).SequenceEqual(PnlRow));
        lines.Should().Contain(l => Cells(l).SequenceEqual(TotalRow));
        lines.Should().Contain(l => l.Contains("pnl:beta:2026-11-16", StringComparison.Ordinal)
            && l.Contains("no close for POISON on 2026-11-16", StringComparison.Ordinal)
            && l.Contains("https://batch.example.test/ops/hangfire/jobs/details/4711", StringComparison.Ordinal));
        console.Output.Should().Contain("unsuccessful items (2 of 13)").And.Contain("close of 2026-11-19 used")
            .And.Contain($"dashboard: https://batch.example.test/ops/hangfire/runs/{CliSamples.RunId}");
    }

    [Fact]
    public void RichOutput_UsesAnsiEscapes_PlainOutputNone_AndNoColorDropsTheColours()
    {
        string Render(bool rich, bool noColor)
        {
            var writer = new StringWriter();
            RunStatusTables.Render(CliOutput.Create(rich, writer, noColor).Console, CliSamples.StatusView());
            return writer.ToString();
        }

        Render(rich: true, noColor: false).Should().Contain($"{Escape}[");
        Render(rich: false, noColor: false).Should().NotContain(Escape.ToString()).And.Contain("unsuccessful items (2 of 13)");
        Render(rich: true, noColor: true).Should().NotContain($"{Escape}[38;").And.NotContain($"{Escape}[31m").And.NotContain($"{Escape}[32m");
    }

    [Fact]
    public async Task PlainStatus_PrintsTheFailedItemWithItsJobLink_AndNoEscape()
    {
        var writer = new StringWriter { NewLine = "\n" };
        await StatusPrinter.PrintRunAsync(CliSamples.StatusView(), writer);
        var text = writer.ToString();

        text.Should().NotContain(Escape.ToString());
        text.Should().Contain("  Failed   pnl:beta:2026-11-16  no close for POISON on 2026-11-16  job: https://batch.example.test/ops/hangfire/jobs/details/4711\n");
        text.Should().MatchRegex(@"P&L and snapshot\s+CompletedWithErrors\s+305\s+305\s+1\s+11\s+7\.5s");
        text.Should().Contain("  … 11 more unsuccessful item(s): https://batch.example.test/ops/hangfire/runs/");
    }

    [Fact]
    public async Task LiveProgress_DrawsABarPerPhase_WithItsCount_AndItsFailures()
    {
        var console = new TestConsole().Width(160).Interactive();
        var run = await LiveRunProgress.ShowAsync(console, async view =>
        {
            await view.ShowAsync(new RunProgress(CliSamples.Run(RunStatus.Running),
                [CliSamples.Phase(1, PhaseStatus.Completed, 3, 3), CliSamples.Phase(3, PhaseStatus.Running, 305, 120, failed: 2)]));
            await view.ShowAsync(new RunProgress(CliSamples.Run(RunStatus.CompletedWithErrors),
                [CliSamples.Phase(1, PhaseStatus.Completed, 3, 3), CliSamples.Phase(3, PhaseStatus.CompletedWithErrors, 305, 305, failed: 2)]));
            return RunStatus.CompletedWithErrors;
        });

        run.Should().Be(RunStatus.CompletedWithErrors);
        console.Lines.Should().Contain(l => l.Contains("market data", StringComparison.Ordinal) && l.Contains("3/3", StringComparison.Ordinal));
        console.Lines.Should().Contain(l => l.Contains("P&L and snapshot", StringComparison.Ordinal) && l.Contains("305/305 2 failed", StringComparison.Ordinal)
            && l.Contains("100%", StringComparison.Ordinal));
    }

    private static string[] Cells(string line) =>
        [.. line.Split('│', StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
}
