using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Cli;

/// <summary>
/// The <c>verify</c> verb with the built binary on a real PostgreSQL, after a backfill in which one portfolio failed: it
/// checks the range from the data whatever the ledger says, names every missing snapshot and analytics family, exits 1
/// for an incomplete range and 0 for a complete one, refuses bad input with exit 64, and changes nothing.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class VerifyCommandTests(PoisonedBackfill backfill) : IClassFixture<PoisonedBackfill>
{
    [Fact]
    public async Task TheBackfilledRange_NamesThePoisonedPortfoliosMissingDaysAndAnalytics_AndExits1()
    {
        var (from, to) = await RangeAsync();
        var (code, stdout, stderr) = await VerifyAsync("--from", from, "--to", to, "--json");

        code.Should().Be(1, stdout + stderr);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        root.GetProperty("complete").GetBoolean().Should().BeFalse();
        root.GetProperty("portfolios").GetInt32().Should().Be(await TestDatabase.ScalarAsync<int>(
            $"SELECT count(*)::int FROM sigmasight.portfolios WHERE is_active AND inception_date <= '{to}'")).And.BeGreaterThan(1);
        var present = await TestDatabase.ScalarAsync<int>(
            $"SELECT count(*)::int FROM sigmasight.portfolio_snapshots WHERE snapshot_date BETWEEN '{from}' AND '{to}'");
        (root.GetProperty("snapshotsExpected").GetInt32() - root.GetProperty("missingSnapshots").GetArrayLength()).Should().Be(present);
        var missing = root.GetProperty("missingSnapshots").EnumerateArray()
            .Select(m => $"{m.GetProperty("portfolioName").GetString()}|{m.GetProperty("date").GetString()}").Order().ToList();
        missing.Should().NotBeEmpty().And.Equal(await TestDatabase.RowsAsync($"""
            SELECT p.name, to_char(i.item_date, 'YYYY-MM-DD') FROM sigmasight.batch_items i JOIN sigmasight.portfolios p ON p.id = i.portfolio_id
             WHERE i.run_id = '{backfill.RunId}' AND i.phase = 3 AND i.status <> 'Succeeded' ORDER BY 1, 2
            """), "the poisoned portfolio's failed and blocked days are the ones without a snapshot");
        var problems = root.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        problems.Should().Contain(p => p.StartsWith($"missing snapshot: {PoisonedBackfill.Poisoned} on ", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith($"missing analytics: {PoisonedBackfill.Poisoned} has no ", StringComparison.Ordinal) && p.EndsWith($" on {to}", StringComparison.Ordinal))
            .And.NotContain(p => p.Contains(PoisonedBackfill.Healthy, StringComparison.Ordinal));

        var (plainCode, plain, _) = await VerifyAsync("--from", from, "--to", to);
        plainCode.Should().Be(1);
        plain.Should().Contain($"  missing snapshot: {PoisonedBackfill.Poisoned} on ").And.Contain($"incomplete: {problems.Count} problem(s)");
    }

    [Fact]
    public async Task AHealthyPortfolio_IsComplete_UnlessASnapshotIsDeletedByHand_OrEveryDaysAnalyticsAreAsked()
    {
        var (from, to) = await RangeAsync();
        var snapshots = await TestDatabase.ScalarAsync<int>($"""
            SELECT count(*)::int FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
             WHERE p.name = '{PoisonedBackfill.Healthy}' AND s.snapshot_date BETWEEN '{from}' AND '{to}'
            """);
        var (code, stdout, stderr) = await VerifyAsync("--from", from, "--to", to, "--portfolio", PoisonedBackfill.Healthy.ToUpperInvariant());
        code.Should().Be(0, stdout + stderr);
        stdout.Should().Contain($"verify {from}..{to}, 1 portfolio(s): {snapshots} of {snapshots} snapshot(s) present; analytics as of {to}")
            .And.Contain("complete: every snapshot and every analytics family is present");

        // The ledger says this day succeeded; verify reads the data, so a snapshot deleted by hand is missing.
        var day = await TestDatabase.ScalarAsync<string>($"""
            SELECT to_char(min(s.snapshot_date), 'YYYY-MM-DD') FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
             WHERE p.name = '{PoisonedBackfill.Healthy}' AND s.snapshot_date BETWEEN '{from}' AND '{to}'
            """);
        await TestDatabase.ExecuteAsync($"""
            DROP TABLE IF EXISTS public.verify_kept;
            CREATE TABLE public.verify_kept AS SELECT s.* FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
             WHERE p.name = '{PoisonedBackfill.Healthy}' AND s.snapshot_date = '{day}';
            DELETE FROM sigmasight.portfolio_snapshots WHERE id IN (SELECT id FROM public.verify_kept);
            """);
        try
        {
            var (deletedCode, deleted, _) = await VerifyAsync("--from", from, "--to", to, "--portfolio", PoisonedBackfill.Healthy);
            deletedCode.Should().Be(1, deleted);
            deleted.Should().Contain($"{snapshots - 1} of {snapshots} snapshot(s) present")
                .And.Contain($"  missing snapshot: {PoisonedBackfill.Healthy} on {day}\n");
        }
        finally
        {
            await TestDatabase.ExecuteAsync("""
                INSERT INTO sigmasight.portfolio_snapshots SELECT * FROM public.verify_kept; DROP TABLE public.verify_kept;
                """);
        }

        // The backfill computed analytics for its last day only (--analytics last): asking for every day names the others.
        var (allCode, all, _) = await VerifyAsync("--from", from, "--to", to, "--portfolio", PoisonedBackfill.Healthy, "--analytics", "all");
        allCode.Should().Be(1, all);
        all.Should().Contain($"missing analytics: {PoisonedBackfill.Healthy} has no ").And.Contain($"{from}..");
    }

    [Fact]
    public async Task BadInput_IsRefusedWithExit64_NamingTheReason_AndVerifyWritesNothing()
    {
        var (from, to) = await RangeAsync();
        const string Counts = """
            SELECT (SELECT count(*) FROM sigmasight.batch_runs) || '|' || (SELECT count(*) FROM sigmasight.data_quality_findings) || '|' ||
                   (SELECT count(*) FROM sigmasight.portfolio_snapshots) || '|' || (SELECT count(*) FROM sigmasight.analytic_results)
            """;
        var before = await TestDatabase.ScalarAsync<string>(Counts);
        var saturday = NextSaturday(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));

        var weekend = await VerifyAsync("--from", saturday, "--to", to);
        var reversed = await VerifyAsync("--from", to, "--to", from);
        var unknown = await VerifyAsync("--portfolio", "No Such Portfolio");
        await VerifyAsync("--from", from, "--to", to);

        weekend.ExitCode.Should().Be(64);
        weekend.Stderr.Should().Contain($"--from {saturday} is not an NYSE trading day");
        reversed.ExitCode.Should().Be(64);
        reversed.Stderr.Should().Contain($"--from {to} is after --to {from}");
        unknown.ExitCode.Should().Be(64);
        unknown.Stderr.Should().Contain("No Such Portfolio");
        (await TestDatabase.ScalarAsync<string>(Counts)).Should().Be(before, "verify only reads");
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> VerifyAsync(params string[] arguments) =>
        ServiceProcess.RunSeparatelyAsync(PoisonedBackfill.Settings, ["verify", .. arguments]);

    private async Task<(string From, string To)> RangeAsync()
    {
        // The run's first and last trading days (its --from may be a weekend).
        var range = (await TestDatabase.RowsAsync($"""
            SELECT to_char(min(s.snapshot_date), 'YYYY-MM-DD'), to_char(max(s.snapshot_date), 'YYYY-MM-DD')
              FROM sigmasight.portfolio_snapshots s JOIN sigmasight.batch_runs r ON r.id = '{backfill.RunId}'
             WHERE s.snapshot_date BETWEEN r.range_from AND r.range_to
            """)).Should().ContainSingle().Subject.Split('|');
        range[0].Should().NotBe(range[1], "the backfill covers several trading days");
        return (range[0], range[1]);
    }

    private static string NextSaturday(DateOnly day)
    {
        while (day.DayOfWeek != DayOfWeek.Saturday) day = day.AddDays(1);
        return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
