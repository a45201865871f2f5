using System.CommandLine;
using SigmaSight.Service.Batches;
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
        var command = new Command("status", "Show recent runs, or one run with its phases and unsuccessful items") { run };
        command.SetAction((result, ct) => WithServicesAsync(args, async services =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            if (result.GetValue(run) is { } text)
            {
                var found = await RunReferences.FindAsync(db.BatchRuns, text, "run-id", ct).ConfigureAwait(false);
                await StatusPrinter.PrintRunAsync(db, found.Id ?? throw new UsageException(found.Problem!), Console.Out, ct).ConfigureAwait(false);
            }
            else await StatusPrinter.PrintRecentAsync(db, StatusPrinter.RecentCount, Console.Out, ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    internal static async Task<int> WithServicesAsync(string[] args, Func<IServiceProvider, Task<int>> action)
    {
        using var host = CliHost.Build(withServers: false);
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider).ConfigureAwait(false);
    }
}
