using System.CommandLine;
using System.Text.Json;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk.Reports;

namespace SigmaSight.Service.Cli;

/// <summary><c>risk --portfolio &lt;id|name&gt; [--date D] [--json]</c>: every family of a portfolio's risk on one day.</summary>
public static class RiskCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(string[] args)
    {
        var portfolio = new Option<string>("--portfolio") { Description = "Portfolio id or name (any case)", Required = true };
        var date = CliOptions.Date("--date", "Business date (default: the latest day with analytics)");
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape) instead of tables" };
        var command = new Command("risk", "Show every family of a portfolio's risk analytics on one day") { portfolio, date, json };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            var id = await RunInputs.FindPortfolioAsync(db, result.GetValue(portfolio)!, ct).ConfigureAwait(false);
            var day = result.GetValue(date);
            if (day is { } asked)
                RunInputs.RequireTradingDay(await services.GetRequiredService<TradingCalendarProvider>().GetAsync(ct).ConfigureAwait(false),
                    asked, "--date");
            var report = await services.GetRequiredService<RiskReportReader>().ReadAsync(id, day, ct).ConfigureAwait(false)
                ?? throw new UsageException(day is { } d
                    ? $"portfolio '{result.GetValue(portfolio)}' has no risk analytics on {d:yyyy-MM-dd} (run the batch for that date)"
                    : $"portfolio '{result.GetValue(portfolio)}' has no risk analytics yet (run the batch first)");
            if (result.GetValue(json)) await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
            else await RiskReportPrinter.PrintAsync(report, Console.Out).ConfigureAwait(false);
            return ExitCodes.Completed;
        }));
        return command;
    }
}
