namespace SigmaSight.IntegrationTests.BadInput;

/// <summary>
/// Issue 7, point 5: every bad input the service must refuse, with the fragment its message must contain. The README's
/// "Bad input" table lists exactly these cases (<see cref="BadInputReadmeTests"/>); <see cref="BadInputCatalogueTests"/>
/// walks them against a real database holding the demo and a completed backfill through 2026-10-30.
/// CLI cases run the service binary on the real clock; the API host's clock is frozen at 2026-10-30 17:00 New York.
/// </summary>
public static class BadInputCatalogue
{
    public const int Usage = 64;
    private const string Injection = "'; drop table prices; --";
    private const string SnapshotDay = "2026-10-29";
    private const string ListedClosure = "2026-12-16";

    public static IReadOnlyList<BadInputCase> Cases { get; } =
    [
        Cli("cli-unknown-verb", "Unrecognized command or argument 'frobnicate'", "frobnicate"),
        Cli("cli-run-weekend", "--date 2026-10-31 is not an NYSE trading day (Saturday)", "run", "--date", "2026-10-31"),
        Cli("cli-run-holiday", "--date 2026-11-26 is not an NYSE trading day (Thanksgiving Day)", "run", "--date", "2026-11-26"),
        Cli("cli-run-future", "--date 2099-01-02 has no closing prices yet", "run", "--date", "2099-01-02"),
        Cli("cli-run-malformed-date", "--date '2026-13-01' is not a date: give yyyy-MM-dd", "run", "--date", "2026-13-01"),
        Cli("cli-run-us-date", "--date '11/27/2026' is not a date: give yyyy-MM-dd", "run", "--date", "11/27/2026"),
        Cli("cli-run-day-first-date", "--date '10/11/2026' is not a date: give yyyy-MM-dd", "run", "--date", "10/11/2026"),
        Cli("cli-run-timeout", "--timeout-minutes -1 is out of range: give 1..10080", "run", "--date", SnapshotDay, "--timeout-minutes", "-1"),
        Cli("cli-backfill-from-after-to", "--from 2026-10-30 is after --to 2026-10-01", "backfill", "--from", "2026-10-30", "--to", "2026-10-01"),
        Cli("cli-backfill-50-years", "a run covers at most 5000 (Batch:MaxRangeTradingDays)", "backfill", "--from", "1976-01-02", "--to", "2026-10-30"),
        Cli("cli-backfill-weekend-to", "--to 2026-11-29 is not an NYSE trading day (Sunday); the last trading day on or before it is 2026-11-27", "backfill", "--to", "2026-11-29"),
        Cli("cli-backfill-holiday-from", "--from 2026-11-26 is not an NYSE trading day (Thanksgiving Day); the first trading day on or after it is 2026-11-27", "backfill", "--from", "2026-11-26", "--to", "2026-11-27"),
        Cli("cli-backfill-year-one", "--from 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31", "backfill", "--from", "0001-01-01", "--to", "2026-10-30"),
        Cli("cli-backfill-analytics", "Argument 'some' not recognized", "backfill", "--analytics", "some"),
        Cli("cli-recompute-unknown-portfolio", "portfolio 'No Such Fund' does not exist", "recompute", "--portfolio", "No Such Fund", "--from", "2026-10-01"),
        Cli("cli-recompute-sql-injection", $"portfolio '{Injection}' does not exist", "recompute", "--portfolio", Injection, "--from", "2026-10-01"),
        Cli("cli-recompute-future", "--from 2099-01-02 is after the last completed trading day", "recompute", "--portfolio", "Demo Individual Investor Portfolio", "--from", "2099-01-02"),
        Cli("cli-recompute-no-from", "Option '--from' is required", "recompute", "--portfolio", "Demo Individual Investor Portfolio"),
        Cli("cli-risk-unknown-portfolio", "portfolio 'nope' does not exist", "risk", "--portfolio", "nope"),
        Cli("cli-risk-weekend", "--date 2026-11-28 is not an NYSE trading day (Saturday)", "risk", "--portfolio", "Demo Individual Investor Portfolio", "--date", "2026-11-28"),
        Cli("cli-status-not-a-guid", "run-id 'not-a-guid' is not a run id", "status", "not-a-guid"),
        Cli("cli-status-unknown-run", "run 00000000-0000-0000-0000-000000000001 does not exist", "status", "00000000-0000-0000-0000-000000000001"),
        Cli("cli-closure-weekend", "date 2026-10-31 is already closed (Saturday)", "add-closure", "--date", "2026-10-31", "--reason", "storm"),
        Cli("cli-closure-no-reason", "reason is required", "add-closure", "--date", "2026-12-17", "--reason", " "),
        Cli("cli-business-date-instant", "--at 'yesterday' is not an instant", "business-date", "--at", "yesterday"),
        Cli("cli-business-date-no-offset", "--at '2026-11-24T21:30:00' is not an instant: give ISO 8601 with an offset", "business-date", "--at", "2026-11-24T21:30:00"),
        Cli("cli-business-date-year-one", "--at '0001-01-02T00:00Z' is outside the supported dates 1900-01-01..2199-12-31", "business-date", "--at", "0001-01-02T00:00Z"),
        Cli("cli-prune-keep-days", "--keep-days 1000000 is out of range: give 1..3650", "prune", "--keep-days", "1000000", "--dry-run"),
        Cli("cli-serve-host", "--host 'not-an-ip' is not an IP address", "serve", "--host", "not-an-ip"),
        Cli("cli-serve-port", "--port 70000 is out of range: give 1..65535", "serve", "--port", "70000"),
        Cli("cli-serve-port-text", "--port 'x' is not a whole number: give 1..65535", "serve", "--port", "x"),
        Cli("cli-bench-days-text", "--days 'abc' is not a whole number: give 1..5000", "bench", "--days", "abc"),

        Api("api-malformed-json", 400, "the body is not valid JSON", "POST", "/api/runs", """{"date":"""),
        Api("api-wrong-type", 400, "force: expected true or false", "POST", "/api/runs", """{"force":"yes"}"""),
        Api("api-unknown-field", 400, "day is not a field of this request", "POST", "/api/runs", """{"day":"2026-10-30"}"""),
        Api("api-missing-body", 400, "the request body is missing", "POST", "/api/backfills", null),
        Api("api-run-weekend", 400, "date 2026-10-31 is not an NYSE trading day (Saturday)", "POST", "/api/runs", """{"date":"2026-10-31"}"""),
        Api("api-run-future", 400, "date 2027-01-04 has no closing prices yet", "POST", "/api/runs", """{"date":"2027-01-04"}"""),
        Api("api-run-date-injection", 400, "date: expected a date as yyyy-MM-dd", "POST", "/api/runs", $$"""{"date":"{{Injection}}"}"""),
        Api("api-backfill-from-after-to", 400, "from 2026-10-30 is after to 2026-10-01", "POST", "/api/backfills", """{"from":"2026-10-30","to":"2026-10-01"}"""),
        Api("api-backfill-50-years", 400, "a run covers at most 5000 (Batch:MaxRangeTradingDays)", "POST", "/api/backfills", """{"from":"1976-01-02","to":"2026-10-30"}"""),
        Api("api-backfill-weekend-to", 400, "to 2026-10-25 is not an NYSE trading day (Sunday); the last trading day on or before it is 2026-10-23", "POST", "/api/backfills", """{"from":"2026-10-01","to":"2026-10-25"}"""),
        Api("api-backfill-year-one", 400, "from 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31", "POST", "/api/backfills", """{"from":"0001-01-01","to":"2026-10-30"}"""),
        Api("api-backfill-analytics", 400, "analytics 'some' is not one of: last, all", "POST", "/api/backfills", """{"from":"2026-10-01","to":"2026-10-30","analytics":"some"}"""),
        Api("api-recompute-unknown-portfolio", 400, "portfolio 'No Such Fund' does not exist", "POST", "/api/recomputes", """{"portfolio":"No Such Fund","from":"2026-10-01"}"""),
        Api("api-recompute-sql-injection", 400, $"portfolio '{Injection}' does not exist", "POST", "/api/recomputes", $$"""{"portfolio":"{{Injection}}","from":"2026-10-01"}"""),
        Api("api-recompute-control-character", 400, @"portfolio 'a\u0000b' contains a control character (U+0000)", "POST", "/api/recomputes", """{"portfolio":"a\u0000b","from":"2026-10-01"}"""),
        Api("api-closure-reason-too-long", 400, "reason is longer than 200 characters", "POST", "/api/closures", $$"""{"date":"2026-12-17","reason":"{{new string('x', 201)}}"}""")
            with { Shown = """POST /api/closures {"date":"2026-12-17","reason":"xxx…"} (201 characters)""" },
        Api("api-closure-control-character", 400, @"reason 'a\u0000b' contains a control character (U+0000)", "POST", "/api/closures", """{"date":"2026-12-17","reason":"a\u0000b"}"""),
        Api("api-post-without-key", 401, "the X-Api-Key header is missing", "POST", "/api/runs", "{}") with { WithoutKey = true },
        Api("api-snapshots-not-a-guid", 400, "id 'not-a-guid' is not a portfolio id", "GET", "/api/portfolios/not-a-guid/snapshots", null),
        Api("api-snapshots-unknown-portfolio", 404, "portfolio 00000000-0000-0000-0000-000000000001 does not exist", "GET", "/api/portfolios/00000000-0000-0000-0000-000000000001/snapshots", null),
        Api("api-snapshots-from-after-to", 400, "from 2026-10-30 is after to 2026-10-01", "GET", "/api/portfolios/{portfolio}/snapshots?from=2026-10-30&to=2026-10-01", null),
        Api("api-snapshots-from-injection", 400, "from", "GET", "/api/portfolios/{portfolio}/snapshots?from=%27%3B%20drop%20table%20prices%3B%20--", null),
        Api("api-risk-malformed-date", 400, "date", "GET", "/api/portfolios/{portfolio}/risk?date=2026-13-01", null),
        Api("api-risk-us-date", 400, "date '11/27/2026' is not a date: give yyyy-MM-dd", "GET", "/api/portfolios/{portfolio}/risk?date=11/27/2026", null),
        Api("api-risk-weekend", 400, "date 2026-10-31 is not an NYSE trading day (Saturday)", "GET", "/api/portfolios/{portfolio}/risk?date=2026-10-31", null),
        Api("api-snapshots-day-first-date", 400, "to '10/11/2026' is not a date: give yyyy-MM-dd", "GET", "/api/portfolios/{portfolio}/snapshots?to=10/11/2026", null),
        Api("api-closure-us-date", 400, "date '12-24-2026' is not a date: give yyyy-MM-dd", "GET", "/api/closures/12-24-2026", null),
        Api("api-runs-limit", 400, "limit 0 is out of range", "GET", "/api/runs?limit=0", null),
        Api("api-runs-limit-text", 400, "limit 'ten' is not a whole number", "GET", "/api/runs?limit=ten", null),

        Config("cfg-db-malformed", "SIGMASIGHT_DB is not a valid PostgreSQL connection string: Couldn't set port",
            ("SIGMASIGHT_DB", "Host=127.0.0.1;Port=notaport;Username=postgres;Password=not-the-password")),
        Config("cfg-db-missing", "SIGMASIGHT_DB is not set", ("SIGMASIGHT_DB", "")),
        Config("cfg-nightly-cron", "Schedule:NightlyCron 'every night' is not a cron expression", ("Schedule__NightlyCron", "every night")),
        Config("cfg-reconciler-cron", "Schedule:ReconcilerCron '61 * * * *' is not a cron expression", ("Schedule__ReconcilerCron", "61 * * * *")),
        Config("cfg-time-zone", "Schedule:TimeZone 'Mars/Olympus' is not a known time zone", ("Schedule__TimeZone", "Mars/Olympus")),
        Config("cfg-workers-zero", "Hangfire:WorkerCount is 0", ("Hangfire__WorkerCount", "0")),
        Config("cfg-coord-workers-negative", "Hangfire:CoordinationWorkerCount is -1", ("Hangfire__CoordinationWorkerCount", "-1")),
        Config("cfg-unknown-queue", "Hangfire:Queues 'z-nothing' is not a work queue", ("Hangfire__Queues__0", "z-nothing")),
        Config("cfg-poll-interval", "Hangfire:QueuePollInterval 'banana' is not a duration (hh:mm:ss, e.g. 00:00:05)", ("Hangfire__QueuePollInterval", "banana")),
        Config("cfg-history-days", "Analytics:HistoryTradingDays is 10", ("Analytics__HistoryTradingDays", "10")),
        Config("cfg-benchmark-injection", $"Analytics:MarketBenchmark '{Injection}' is not a ticker symbol", ("Analytics__MarketBenchmark", Injection)),
        Config("cfg-rate-duration", "Analytics:RateProxyDuration is -1", ("Analytics__RateProxyDuration", "-1")),
        Config("cfg-chunk-size", "Batch:ChunkSize is 0", ("Batch__ChunkSize", "0")),
        Config("cfg-retry-delay", "Batch:RetryDelaysSeconds:0 is -5", ("Batch__RetryDelaysSeconds__0", "-5")),
        Config("cfg-dashboard-no-users", "Dashboard:Mode is Policy but Dashboard:Users is empty", ("Dashboard__Mode", "Policy")),
        Config("cfg-api-key-short", "Api:Key is shorter than 16 characters", ("Api__Key", "short")),
        Config("cfg-health-lag", "Health:NightlyMaxLagTradingDays is -1", ("Health__NightlyMaxLagTradingDays", "-1")),

        Cli("data-closure-behind-snapshots", $"date {SnapshotDay} already has 5 snapshot(s)", "add-closure", "--date", SnapshotDay, "--reason", "late") with { Channel = BadInputChannel.Data },
        Api("data-api-closure-behind-snapshots", 400, $"date {SnapshotDay} already has 5 snapshot(s)", "POST", "/api/closures", $$"""{"date":"{{SnapshotDay}}","reason":"late"}""") with { Channel = BadInputChannel.Data },
        Cli("data-closure-listed", $"date {ListedClosure} is already in market_closures", "add-closure", "--date", ListedClosure, "--reason", "again") with { Channel = BadInputChannel.Data },
        Api("data-api-closure-listed", 409, $"date {ListedClosure} is already in market_closures", "POST", "/api/closures", $$"""{"date":"{{ListedClosure}}","reason":"again"}""") with { Channel = BadInputChannel.Data },
        Cli("data-run-before-inception", "no portfolio is active on 2000-01-03", "run", "--date", "2000-01-03") with { Channel = BadInputChannel.Data },
        Api("data-api-run-before-inception", 400, "no portfolio is active on 2000-01-03", "POST", "/api/runs", """{"date":"2000-01-03"}""") with { Channel = BadInputChannel.Data },
        Cli("data-risk-without-analytics", "has no risk analytics on 2026-10-28", "risk", "--portfolio", "Demo Individual Investor Portfolio", "--date", "2026-10-28") with { Channel = BadInputChannel.Data },
        Api("data-api-risk-without-analytics", 404, "has no risk analytics on 2026-10-28", "GET", "/api/portfolios/{portfolio}/risk?date=2026-10-28", null) with { Channel = BadInputChannel.Data },
    ];

    /// <summary>An operator closure the fixture adds, so that adding it again is refused.</summary>
    public static DateOnly ListedClosureDate { get; } = DateOnly.Parse(ListedClosure, System.Globalization.CultureInfo.InvariantCulture);

    public static BadInputCase Find(string id) => Cases.Single(c => c.Id == id);

    private static BadInputCase Cli(string id, string message, params string[] args) =>
        new(id, BadInputChannel.Cli, Usage, message) { Args = args };

    private static BadInputCase Api(string id, int status, string message, string method, string path, string? body) =>
        new(id, BadInputChannel.Api, status, message) { Method = method, Path = path, Body = body };

    /// <summary>The service started (serve) with one bad setting, given as an environment variable.</summary>
    private static BadInputCase Config(string id, string message, (string Key, string Value) setting) =>
        new(id, BadInputChannel.Config, Usage, message)
        {
            Args = ["serve", "--port", "{port}"],
            Environment = new Dictionary<string, string> { [setting.Key] = setting.Value },
        };
}
