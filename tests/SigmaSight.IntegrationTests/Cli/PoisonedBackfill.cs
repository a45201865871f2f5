using System.Globalization;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Cli;

/// <summary>
/// The demo, one portfolio poisoned with a lot in a symbol no provider knows, and a CLI backfill of the last week with
/// its output redirected: a run that ends CompletedWithErrors with a failed item (and the items it blocked).
/// </summary>
public sealed class PoisonedBackfill : IAsyncLifetime
{
    public const string Poisoned = "Demo Individual Investor Portfolio";
    public const string Healthy = "Demo Hedge Fund Style Investor Portfolio";
    public const string PublicUrl = "https://batch.example.test/ops";

    /// <summary>Fast retries, and links under a proxy's path prefix.</summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Schedule__Enabled"] = "false",
        ["Batch__RetryDelaysSeconds__0"] = "0",
        ["Batch__RetryDelaysSeconds__1"] = "1",
        ["Dashboard__PublicUrl"] = PublicUrl,
    };

    public int ExitCode { get; private set; }
    public string Stdout { get; private set; } = "";
    public string Stderr { get; private set; } = "";
    public Guid RunId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        (await ServiceProcess.RunAsync(Settings, "seed-demo")).ExitCode.Should().Be(0);
        // A backfill's --from must be a trading day: the first one on or after eight days ago.
        var from = new Analytics.Calendar.NyseCalendar().OnOrAfter(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-8));
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.positions (id, portfolio_id, symbol, position_type, investment_class, quantity, entry_price, entry_date, lot_index)
            SELECT gen_random_uuid(), id, 'POISON', 'LONG', 'PUBLIC', 100, 10, '{from:yyyy-MM-dd}', 0 FROM sigmasight.portfolios WHERE name = '{Poisoned}'
            """);
        (ExitCode, Stdout, Stderr) = await ServiceProcess.RunSeparatelyAsync(Settings, "backfill", "--from",
            from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        RunId = Guid.Parse(await TestDatabase.ScalarAsync<string>("SELECT id::text FROM sigmasight.batch_runs ORDER BY created_at DESC LIMIT 1"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
