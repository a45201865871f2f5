namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Starts Hangfire clients that block: a client's calls are synchronous storage round trips, so each runs on a thread of
/// its own instead of holding a thread-pool thread for the seconds a phase's job creation takes. Hangfire runs the batch's
/// async jobs on the thread pool; clients parked there starved them of threads while a starter created a phase's jobs.
/// </summary>
internal static class BlockingClients
{
    /// <summary>Runs <paramref name="client"/> on <paramref name="count"/> dedicated threads at once.</summary>
    public static Task[] Start(int count, Action client) =>
    [
        .. Enumerable.Range(0, count).Select(_ =>
            Task.Factory.StartNew(client, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)),
    ];
}
