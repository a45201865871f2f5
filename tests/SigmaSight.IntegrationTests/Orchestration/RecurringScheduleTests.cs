using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;

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
        }
        finally
        {
            var manager = host.Services.GetRequiredService<IRecurringJobManager>();
            manager.RemoveIfExists("nightly-batch");
            manager.RemoveIfExists("reconciler");
        }
    }
}
