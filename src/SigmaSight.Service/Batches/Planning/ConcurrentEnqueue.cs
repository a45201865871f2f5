using System.Threading.Channels;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// A starter's job creation on several Hangfire clients at once (<see cref="Hosting.BatchOptions.EnqueueClients"/>): each
/// unit (a portfolio's chain, a risk item) is created by one client, in the order given, while the starter records the
/// job ids every <see cref="RecordEvery"/> items and renews its lease. One client pays a few storage round trips per job
/// in series; with several, a phase's jobs are created about as fast as the workers run them (issue 10).
/// </summary>
internal static class ConcurrentEnqueue
{
    /// <summary>Job ids recorded per statement: a starter that dies leaves at most this many jobs (plus those in flight) unrecorded.</summary>
    public const int RecordEvery = 100;

    /// <summary>
    /// Creates the jobs of every unit; false when the lease was lost midway (the clients stop, what was created is recorded).
    /// A client's failure stops the others and is rethrown once the jobs already created are recorded.
    /// </summary>
    public static async Task<bool> RunAsync<T>(
        IReadOnlyList<T> units, int clients, Func<T, IReadOnlyList<(string ItemKey, string JobId)>> enqueue,
        Func<IReadOnlyList<(string ItemKey, string JobId)>, Task> record, PhaseLease lease, CancellationToken cancellationToken)
    {
        if (units.Count == 0) return true;
        var created = Channel.CreateUnbounded<IReadOnlyList<(string, string)>>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var producers = BlockingClients.Start(Math.Clamp(clients, 1, units.Count), () =>
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < units.Count)
                created.Writer.TryWrite(enqueue(units[i]));
        });
        var all = Task.WhenAll(producers).ContinueWith(t => created.Writer.TryComplete(t.Exception?.InnerException),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var held = true;
        var pending = new List<(string, string)>();
        try
        {
            await foreach (var jobs in created.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                pending.AddRange(jobs);
                if (held && !await lease.RenewAsync(cancellationToken).ConfigureAwait(false))
                {
                    held = false;
                    await stop.CancelAsync().ConfigureAwait(false);
                }
                if (pending.Count < RecordEvery) continue;
                // Taken out before it is recorded: a record that throws is not sent again below, over its own error.
                var batch = pending;
                pending = [];
                await record(batch).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
            // Recorded even when a client failed: those jobs exist, and a later starter must not create them again.
            if (pending.Count > 0) await record(pending).ConfigureAwait(false);
        }
        return held;
    }
}
