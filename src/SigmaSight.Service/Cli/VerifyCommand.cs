using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>verify [--from D] [--to D] [--portfolio P] [--analytics last|all] [--json]</c>: checks a range from the data alone,
/// whatever the runs reported, and changes nothing. Exit 0 when every snapshot and every analytics family is there, 1
/// when anything is missing or failed (each named).
/// </summary>
public static class VerifyCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(string[] args)
    {
        var from = CliOptions.Date("--from", "First trading day (default: --to)");
        var to = CliOptions.Date("--to", "Last trading day (default: the last completed trading day)");
        var portfolio = new Option<string?>("--portfolio") { Description = "Only this portfolio (id or name, any case); default: every active one" };
        var analytics = new Option<string>("--analytics")
        {
            Description = "Check risk analytics on the range's last day (last, the default) or on every trading day (all)",
            DefaultValueFactory = _ => "last",
        };
        analytics.AcceptOnlyFromAmong("last", "all");
        var json = new Option<bool>("--json") { Description = "Print JSON instead of lines" };
        var command = new Command("verify", "Check from the data that a range has every snapshot and every analytics family; changes nothing")
            { from, to, portfolio, analytics, json };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            var calendar = await services.GetRequiredService<TradingCalendarProvider>().GetAsync(ct).ConfigureAwait(false);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var (first, last) = AuditRange.Resolve(calendar, result.GetValue(from), result.GetValue(to), now, field => "--" + field);
            var named = result.GetValue(portfolio);
            var scope = named is null ? RunScope.All
                : RunScope.ForPortfolio(await RunInputs.FindPortfolioAsync(db, named, ct).ConfigureAwait(false));
            var report = await services.GetRequiredService<RangeAudit>()
                .CheckAsync(scope, first, last, result.GetValue(analytics) == "all", ct).ConfigureAwait(false);
            if (report.Portfolios == 0)
                throw new UsageException(AuditRange.NothingToVerify(named is null ? null : $"'{named}'", last));
            if (result.GetValue(json)) await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
            else await PrintAsync(report, Console.Out).ConfigureAwait(false);
            return report.Complete ? ExitCodes.Completed : ExitCodes.CompletedWithErrors;
        }));
        return command;
    }

    public static async Task PrintAsync(RangeAuditReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        var days = report.AnalyticsDates;
        var analyticsDays = days.Count == 1 ? string.Create(c, $"as of {days[0]:yyyy-MM-dd}") : string.Create(c, $"on {days.Count} trading days");
        var insufficient = report.InsufficientHistory == 0 ? ""
            : string.Create(c, $" ({report.InsufficientHistory} family-day(s) with insufficient history, not an error)");
        await output.WriteLineAsync(string.Create(c,
            $"verify {report.From:yyyy-MM-dd}..{report.To:yyyy-MM-dd}, {report.Portfolios} portfolio(s): " +
            $"{report.SnapshotsExpected - report.MissingSnapshots.Count} of {report.SnapshotsExpected} snapshot(s) present; " +
            $"analytics {analyticsDays}{insufficient}"))
            .ConfigureAwait(false);
        foreach (var problem in report.Problems) await output.WriteLineAsync($"  {problem}").ConfigureAwait(false);
        await output.WriteLineAsync(report.Complete
            ? "complete: every snapshot and every analytics family is present"
            : string.Create(CultureInfo.InvariantCulture, $"incomplete: {report.Problems.Count} problem(s)")).ConfigureAwait(false);
    }
}
