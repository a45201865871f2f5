using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches.Scheduling;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>The recurring jobs as Hangfire stored them.</summary>
[Collection(SharedDatabase.Name)]
public sealed class RecurringScheduleTests
{
    /// <summary>Hangfire stores "Misfire" only when it is not its default, Relaxed (0).</summary>
    private static MisfireHandlingMode MisfireOf(Dictionary<string, string> hash) =>
        hash.TryGetValue("Misfire", out var value)
            ? (MisfireHandlingMode)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : MisfireHandlingMode.Relaxed;

    /// <summary>The shared test database keeps Hangfire's storage: a test that registered the schedule removes it.</summary>
    private static void RemoveRecurringJobs(IRecurringJobManager manager)
    {
        foreach (var id in new[] { "nightly-batch", "reconciler", "retention" }) manager.RemoveIfExists(id);
    }

    [Fact]
    public async Task NightlyBatch_IsRegisteredWithItsCronTimeZoneAndMisfireMode()
    {
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Schedule:Enabled"] = "true" });
        var storage = host.Services.GetRequiredService<JobStorage>();
        try
        {
            using var connection = storage.GetConnection();
            var nightly = connection.GetAllEntriesFromHash("recurring-job:nightly-batch");
            var jobs = connection.GetRecurringJobs();

            nightly.Should().NotBeNull("the host registers nightly-batch at start");
            nightly["Cron"].Should().Be("30 16 * * 1-5");
            nightly["TimeZoneId"].Should().BeOneOf("America/New_York", "Eastern Standard Time");
            nightly["Job"].Should().Contain("\"a-coord\"", "the job runs on the coordination queue: " + nightly["Job"]);
            MisfireOf(nightly).Should().Be(MisfireHandlingMode.Relaxed, "a late or repeated start joins the run");
            MisfireOf(connection.GetAllEntriesFromHash("recurring-job:reconciler")).Should().Be(MisfireHandlingMode.Ignorable);
            jobs.Should().Contain(j => j.Id == "reconciler" && j.Cron == "* * * * *");
            jobs.Should().Contain(j => j.Id == "retention" && j.Cron == "15 5 * * *", "retention runs every morning by default");
        }
        finally
        {
            RemoveRecurringJobs(host.Services.GetRequiredService<IRecurringJobManager>());
        }
    }

    [Fact]
    public async Task NightlyOff_LeavesNightlyBatchUnscheduled_AndRemovesAnEarlierRegistration_WhileTheReconcilerRuns()
    {
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Schedule:Enabled"] = "true",
            ["Schedule:Nightly"] = "false",
        });
        var manager = host.Services.GetRequiredService<IRecurringJobManager>();
        try
        {
            using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
            connection.GetRecurringJobs().Select(j => j.Id).Should().Contain("reconciler").And.NotContain("nightly-batch");

            // A host with the nightly on registered it earlier in the same storage: this host's start removes it.
            manager.AddOrUpdate<NightlyBatchJob>("nightly-batch", j => j.RunAsync(null, CancellationToken.None), "30 16 * * 1-5");
            connection.GetRecurringJobs().Select(j => j.Id).Should().Contain("nightly-batch");
            var registrar = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RecurringJobRegistrar>().Single();
            await registrar.StartAsync(TestContext.Current.CancellationToken);

            connection.GetRecurringJobs().Select(j => j.Id).Should().Contain("reconciler").And.NotContain("nightly-batch");
        }
        finally
        {
            RemoveRecurringJobs(manager);
        }
    }

    [Fact]
    public async Task TriggerNow_StartsTheNightlyRun_ForTheBusinessDateOfTheTriggerInstant()
    {
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Schedule:Enabled"] = "true" });
        await host.SeedDemoAsync(); // a nightly run with no active portfolio is refused (it would verify nothing)
        var manager = host.Services.GetRequiredService<IRecurringJobManager>();
        try
        {
            var before = await TestDatabase.ScalarAsync<DateTime>("SELECT now() AT TIME ZONE 'UTC'");
            manager.Trigger("nightly-batch");

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs") == 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(200, TestContext.Current.CancellationToken);

            var run = (await TestDatabase.RowsAsync(
                "SELECT kind, requested_by, business_date::text, (trigger_time AT TIME ZONE 'UTC')::text FROM sigmasight.batch_runs")).Single().Split('|');
            run[0].Should().Be("Nightly");
            run[1].Should().Be("recurring:nightly-batch");
            var trigger = DateTime.Parse(run[3], System.Globalization.CultureInfo.InvariantCulture);
            trigger.Should().BeCloseTo(before, TimeSpan.FromMinutes(2), "the trigger instant is the occurrence, not the business clock of the host");
            var calendar = new SigmaSight.Analytics.Calendar.NyseCalendar();
            run[2].Should().Be(SigmaSight.Service.Batches.BusinessDate
                .Resolve(new DateTimeOffset(trigger, TimeSpan.Zero), calendar).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            RemoveRecurringJobs(manager);
        }
    }
}
