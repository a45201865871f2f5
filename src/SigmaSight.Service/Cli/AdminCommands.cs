using System.CommandLine;
using SigmaSight.Service.Api;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Cli.Terminal;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.Service.Cli;

/// <summary>The verbs that prepare or inspect the database: <c>migrate</c>, <c>seed-demo</c>, <c>status</c>.</summary>
public static class AdminCommands
{
    public static Command Migrate(string[] args)
    {
        var command = new Command("migrate", "Apply the database migrations and install Hangfire's schema");
        command.SetAction((_, ct) => WithServicesAsync(args, async services =>
        {
            var seeded = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync("migrate: schema sigmasight and hangfire are up to date; reference data: " +
                $"{seeded.Factors} factor definition(s), {seeded.Scenarios} stress scenario(s) and {seeded.WeightsAdded} " +
                $"sector weight(s) inserted, {seeded.WeightsUpdated} sector weight(s) updated").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static Command SeedDemo(string[] args)
    {
        var reset = new Option<bool>("--reset") { Description = "Delete the demo (portfolios, their snapshots, synthetic prices, runs) and rebuild it" };
        var command = new Command("seed-demo", "Create the five SigmaSight demo portfolios (a no-op when they exist)") { reset };
        command.SetAction((result, ct) => WithServicesAsync(args, async services =>
        {
            var outcome = await services.GetRequiredService<DemoSeeder>().SeedAsync(result.GetValue(reset), ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(outcome).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static Command Status(string[] args)
    {
        var run = CliOptions.RunId("run-id", "A run id, or a unique prefix or suffix of one (default: the 20 most recent runs)");
        var json = new Option<bool>("--json") { Description = "Print JSON: the run with its phases, unsuccessful items and findings (or, without a run, the runs --json list)" };
        var command = new Command("status", "Show recent runs, or one run with its phases, failed items (errors, Hangfire job links) and data-quality findings")
            { run, json };
        command.SetAction((result, ct) => WithServicesAsync(args, async services =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            var output = CliOutput.For(result);
            if (result.GetValue(run) is not { } text)
            {
                var runs = await StatusPrinter.RecentAsync(db, StatusPrinter.RecentCount, ct).ConfigureAwait(false);
                if (result.GetValue(json)) await CliJson.WriteAsync(runs.Select(RunView.Of).ToList()).ConfigureAwait(false);
                else if (output.Rich && runs.Count > 0) output.Console.Write(RunsTable.Of(runs));
                else await StatusPrinter.PrintRecentAsync(db, StatusPrinter.RecentCount, Console.Out, ct).ConfigureAwait(false);
                return 0;
            }
            var found = await RunReferences.FindAsync(db.BatchRuns, text, "run-id", ct).ConfigureAwait(false);
            var view = await RunStatusView.ReadAsync(db, found.Id ?? throw new UsageException(found.Problem!),
                DashboardLinks.From(services.GetRequiredService<IConfiguration>()), ct).ConfigureAwait(false);
            await ShowAsync(view, result.GetValue(json), output).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>One run as JSON, as tables on a terminal or as plain lines.</summary>
    internal static async Task ShowAsync(RunStatusView view, bool json, CliOutput output)
    {
        if (json) await CliJson.WriteAsync(view).ConfigureAwait(false);
        else if (output.Rich) RunStatusTables.Render(output.Console, view);
        else await StatusPrinter.PrintRunAsync(view, Console.Out).ConfigureAwait(false);
    }

    internal static async Task<int> WithServicesAsync(string[] args, Func<IServiceProvider, Task<int>> action)
    {
        using var host = CliHost.Build(withServers: false);
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider).ConfigureAwait(false);
    }
}
