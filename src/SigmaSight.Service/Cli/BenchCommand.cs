using System.CommandLine;
using System.Globalization;
using SigmaSight.Service.Bench;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>bench</c>: a synthetic universe and N × M portfolios in the bench database, a nightly (or a K-day backfill) through
/// Hangfire in this process, measured against Hangfire's no-op ceiling, optionally under API read load (issue 10 point 1,
/// issue 7 point 7). Exit code 0 only when the run Completed, no API read erred and no other run shared the bench database.
/// </summary>
public static class BenchCommand
{
    public static Command Create(string[] args)
    {
        var portfolios = CliOptions.Bounded("--portfolios", "Portfolios to create", 100, 1, 100_000);
        var positions = CliOptions.Bounded("--positions", "Lots per portfolio (about 10% options, 15% shorts)", 30, 1, 500);
        var days = CliOptions.OptionalBounded("--days", "Backfill this many trading days ending on the business date instead of one nightly", 1, 5_000);
        var symbols = CliOptions.Bounded("--symbols", "Stocks in the synthetic universe", 2_000, 10, 100_000);
        var seed = CliOptions.Bounded("--seed", "Seed of the universe and the books", 1, 0, int.MaxValue);
        var json = new Option<string?>("--json") { Description = "Write the figures as JSON to this file" };
        var reads = CliOptions.Bounded("--api-reads", "GET requests on the API while the run works (0: none)", 0, 0, 10_000_000);
        var clients = CliOptions.Bounded("--api-concurrency", "Concurrent API clients", 16, 1, 1_024);
        var compare = new Option<bool>("--compare-load") { Description = "Run the bench twice, without and with the API reads, and print the slowdown" };
        var ceiling = CliOptions.Bounded("--ceiling-jobs", "No-op jobs of the Hangfire ceiling burst", 2_000, 10, 1_000_000);
        var bursts = CliOptions.Bounded("--ceiling-bursts", "Ceiling bursts, back to back; the share is taken of their median",
            HangfireCeiling.DefaultBursts, 1, 15);
        var noJitSettle = new Option<bool>("--no-jit-settle")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Do not wait for the JIT to settle (no method compiled for {JitSettle.Quiet.TotalSeconds:0} s, at most {JitSettle.Limit.TotalSeconds:0} s) before the ceiling and the measured run"),
        };
        var warmUps = CliOptions.Bounded("--warm-up-nights",
            "Nightlies run before the measured one (0: the measured night is the books' first); ignored with --days",
            BenchSettings.DefaultWarmUpNights, 0, 10);
        var timeout = CliOptions.Bounded("--timeout-minutes", "Give up waiting for a run after this long", 60, 1, 10_080);
        var hosts = CliOptions.Bounded("--hosts", "Host processes on the bench database: this one and N - 1 started 'serve' processes (Hangfire scale-out)", 1, 1, 16);
        var workerQueues = new Option<string?>("--worker-queues")
        {
            Description = $"Comma list of the work queues the started hosts serve (default all: {string.Join(",", JobQueues.Work)}); this process serves all",
        };
        var command = new Command("bench", "Measure a nightly (or a --days backfill) of synthetic portfolios in the database <SIGMASIGHT_DB>_bench")
        {
            portfolios, positions, days, symbols, seed, json, reads, clients, compare, ceiling, bursts, noJitSettle, warmUps, timeout, hosts,
            workerQueues,
        };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var settings = new BenchSettings(result.GetValue(portfolios), result.GetValue(positions), result.GetValue(days),
                result.GetValue(symbols), result.GetValue(seed), result.GetValue(reads), result.GetValue(clients), result.GetValue(ceiling),
                result.GetValue(timeout), result.GetValue(hosts), WorkQueues(result.GetValue(workerQueues)), result.GetValue(bursts),
                !result.GetValue(noJitSettle), result.GetValue(warmUps));
            if (settings.Positions > settings.Symbols)
                throw new UsageException(Text($"bench: --positions {settings.Positions} exceeds --symbols {settings.Symbols}"));
            if (result.GetValue(compare) && settings.ApiReads == 0) throw new UsageException("bench: --compare-load needs --api-reads");
            var connection = DatabaseConnection.Resolve(services.GetRequiredService<IConfiguration>());
            try
            {
                BenchDatabase.ConnectionString(connection);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            var path = result.GetValue(json);
            var live = Terminal.CliOutput.For(result) is { Rich: true } output ? output.Console : null;
            if (!result.GetValue(compare))
            {
                var report = await BenchRunner.RunAsync(connection, settings, settings.ApiReads > 0, Console.Out, ct, live).ConfigureAwait(false);
                await BenchPrinter.PrintAsync(report, Console.Out).ConfigureAwait(false);
                live?.Write(Terminal.BenchTable.Of(report.Run));
                if (path is not null) await BenchPrinter.WriteJsonAsync(report, path, ct).ConfigureAwait(false);
                return ExitCode(report);
            }
            await Console.Out.WriteLineAsync("bench: --compare-load, run 1 of 2: without API reads").ConfigureAwait(false);
            var quiet = await BenchRunner.RunAsync(connection, settings with { ApiReads = 0 }, withApi: true, Console.Out, ct, live).ConfigureAwait(false);
            await BenchPrinter.PrintAsync(quiet, Console.Out).ConfigureAwait(false);
            await Console.Out.WriteLineAsync("bench: --compare-load, run 2 of 2: with API reads").ConfigureAwait(false);
            var loaded = await BenchRunner.RunAsync(connection, settings, withApi: true, Console.Out, ct, live).ConfigureAwait(false);
            await BenchPrinter.PrintAsync(loaded, Console.Out).ConfigureAwait(false);
            var comparison = new LoadComparison(quiet, loaded, loaded.Run.WallSeconds / quiet.Run.WallSeconds);
            await Console.Out.WriteLineAsync(Text($"bench: slowdown under API load: {comparison.Slowdown:F2}x ({loaded.Run.WallSeconds:F1} s with {settings.ApiReads} reads vs {quiet.Run.WallSeconds:F1} s without)")).ConfigureAwait(false);
            if (path is not null) await BenchPrinter.WriteJsonAsync(comparison, path, ct).ConfigureAwait(false);
            return ExitCode(quiet) is var first and not ExitCodes.Completed ? first : ExitCode(loaded);
        }));
        return command;
    }

    /// <summary>The <c>--worker-queues</c> list, each a work queue, or null for all.</summary>
    private static string[]? WorkQueues(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return null;
        var queues = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var queue in queues)
            if (!JobQueues.Work.Contains(queue))
                throw new UsageException($"bench: --worker-queues: '{queue}' is not a work queue; give any of {string.Join(", ", JobQueues.Work)}");
        return queues;
    }

    private static int ExitCode(BenchReport report) =>
        report.Run.Status != nameof(Batches.RunStatus.Completed)
            ? ExitCodes.Of(Enum.Parse<Batches.RunStatus>(report.Run.Status))
            : report.Passed ? ExitCodes.Completed : ExitCodes.Error;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
