using System.CommandLine;
using SigmaSight.Service.Batches.Retention;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>prune [--keep-days N] [--dry-run]</c>: the retention pass the <c>retention</c> recurring job runs every day,
/// on demand (default: <c>Retention:KeepDays</c>).
/// </summary>
public static class PruneCommand
{
    public static Command Create(string[] args)
    {
        var keepDays = CliOptions.OptionalBounded("--keep-days",
            $"Keep the detail of runs finished in the last N days (default Retention:KeepDays, 90; 1..{RetentionOptions.MaxKeepDays})",
            1, RetentionOptions.MaxKeepDays);
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be removed and change nothing" };
        var command = new Command("prune",
            "Remove the items, phases and findings of runs finished long ago (their run rows stay), old archived snapshots, " +
            "and the Failed or Awaiting Hangfire jobs those runs left") { keepDays, dryRun };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var pruner = services.GetRequiredService<RunPruner>();
            var days = result.GetValue(keepDays);
            var outcome = days is { } keep
                ? await pruner.PruneAsync(services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-keep), result.GetValue(dryRun), ct).ConfigureAwait(false)
                : await pruner.PruneAsync(result.GetValue(dryRun), ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"prune: {outcome.Describe()}").ConfigureAwait(false);
            return ExitCodes.Completed;
        }));
        return command;
    }
}
