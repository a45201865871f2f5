using System.Diagnostics;
using System.Globalization;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;

namespace SigmaSight.IntegrationTests.ScaleOut;

/// <summary>The two-host test's polling of the run and its killed item, and what it prints when a wait times out.</summary>
public sealed partial class TwoHostsTests
{
    /// <summary>Polls until the run ends, recording when the killed item began again and when it succeeded.</summary>
    private static async Task<(TimeSpan? RerunAfter, TimeSpan? SucceededAfter, string Status)> WaitForRunAsync(
        Guid runId, string itemKey, Stopwatch sinceKill, TimeSpan timeout)
    {
        TimeSpan? rerun = null, succeeded = null;
        while (true)
        {
            var item = (await ItemAsync(runId, itemKey)).Split('|');
            if (rerun is null && int.Parse(item[1], CultureInfo.InvariantCulture) >= 2) rerun = sinceKill.Elapsed;
            if (succeeded is null && item[0] == nameof(ItemStatus.Succeeded)) succeeded = sinceKill.Elapsed;
            var status = await TestDatabase.ScalarAsync<string>($"SELECT status FROM sigmasight.batch_runs WHERE id = '{runId}'");
            if (status != nameof(RunStatus.Running) || sinceKill.Elapsed > timeout) return (rerun, succeeded, status);
            await Task.Delay(250);
        }
    }

    private static async Task<string> ItemAsync(Guid runId, string itemKey) =>
        (await TestDatabase.RowsAsync($"""
            SELECT status, attempts FROM sigmasight.batch_items WHERE run_id = '{runId}' AND item_key = '{itemKey}'
            """)).Single();

    private async Task<string> DiagnosticsAsync()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine();
        foreach (var row in await TestDatabase.RowsAsync("""
                     SELECT j.id, j.statename, s.data::jsonb->>'ServerId', i.item_key, i.status, i.attempts, i.error
                       FROM sigmasight.batch_items i
                       LEFT JOIN hangfire.job j ON j.id::text = i.hangfire_job_id
                       LEFT JOIN hangfire.state s ON s.id = j.stateid
                      WHERE i.status <> 'Succeeded' OR i.attempts > 1 ORDER BY i.item_key
                     """))
            text.AppendLine(row);
        foreach (var row in await TestDatabase.RowsAsync("""
                     SELECT 'processing', j.id, s.data::jsonb->>'ServerId', j.invocationdata::jsonb->>'Method', j.arguments
                       FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid WHERE j.statename = 'Processing'
                     """))
            text.AppendLine(row);
        // What every other connection is doing or waiting for: a stuck job shows here with its lock or wait event.
        foreach (var row in await TestDatabase.RowsAsync("""
                     SELECT pid, state, wait_event_type, wait_event, pg_blocking_pids(pid)::text,
                            round(extract(epoch FROM clock_timestamp() - xact_start))::text || ' s in xact', left(query, 160)
                       FROM pg_stat_activity
                      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
                     """))
            text.AppendLine("pg: " + row);
        foreach (var host in _hosts) text.AppendLine(host.Output);
        return text.ToString();
    }
}
