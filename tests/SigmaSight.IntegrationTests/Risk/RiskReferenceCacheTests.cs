using Npgsql;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Risk.Portfolios;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// Issue 10: a phase's first risk jobs start together and all miss the day's shared reads. One of them reads; the others
/// wait for that read instead of each reading the day's whole symbol universe (eight reads of about 140 ms each at the
/// start of every 1,000- and 10,000-portfolio night before). A read that fails leaves the waiting jobs to read for
/// themselves. The shared read is held back by a lock on one of its tables, so every caller has missed before any read ends.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RiskReferenceCacheTests
{
    private static readonly DateOnly Day = new(2026, 10, 30);

    [Fact]
    public async Task JobsThatMissTogether_WaitForOneRead_AndShareIt()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        using var cache = new RiskReferenceCache();
        var runId = Guid.NewGuid();
        await using var held = await HoldExposuresAsync();
        var connections = await OpenAsync(4);

        var reads = connections.Select(c => cache.GetAsync(c, runId, "generation", Day, CancellationToken.None)).ToArray();
        await WaitForReadersAsync(1);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        (await ReadersWaitingAsync()).Should().Be(1, "the jobs that missed while a read was under way wait for it");
        await held.RollbackAsync(TestContext.Current.CancellationToken);

        var shared = await Task.WhenAll(reads);
        shared.Should().OnlyContain(r => ReferenceEquals(r, shared[0]), "every job gets the one read");
        await CloseAsync(connections);
    }

    [Fact]
    public async Task AReadThatIsCancelled_LeavesTheWaitingJobsToReadForThemselves()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        using var cache = new RiskReferenceCache();
        var runId = Guid.NewGuid();
        await using var held = await HoldExposuresAsync();
        var connections = await OpenAsync(3);
        using var cancelled = new CancellationTokenSource();

        var first = cache.GetAsync(connections[0], runId, "generation", Day, cancelled.Token);
        var waiting = connections.Skip(1).Select(c => cache.GetAsync(c, runId, "generation", Day, CancellationToken.None)).ToArray();
        await WaitForReadersAsync(1);
        await cancelled.CancelAsync();
        await FluentActions.Awaiting(() => first).Should().ThrowAsync<OperationCanceledException>("the job that read was cancelled");
        await WaitForReadersAsync(1);
        await held.RollbackAsync(TestContext.Current.CancellationToken);

        var reads = await Task.WhenAll(waiting);
        reads.Should().OnlyContain(r => ReferenceEquals(r, reads[0]), "one of the waiting jobs took the read over and shared it");
        await CloseAsync(connections);
    }

    /// <summary>A transaction that keeps every read of symbol_factor_exposures waiting until it ends.</summary>
    private static async Task<NpgsqlTransaction> HoldExposuresAsync()
    {
        var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE sigmasight.symbol_factor_exposures IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task<NpgsqlConnection[]> OpenAsync(int count)
    {
        var connections = Enumerable.Range(0, count).Select(_ => new NpgsqlConnection(TestDatabase.ConnectionString)).ToArray();
        foreach (var connection in connections) await connection.OpenAsync();
        return connections;
    }

    private static async Task CloseAsync(IEnumerable<NpgsqlConnection> connections)
    {
        foreach (var connection in connections) await connection.DisposeAsync();
    }

    private static Task<long> ReadersWaitingAsync() => TestDatabase.ScalarAsync<long>("""
        SELECT count(*) FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%symbol_factor_exposures%'
        """);

    private static async Task WaitForReadersAsync(long count)
    {
        for (var i = 0; i < 200 && await ReadersWaitingAsync() < count; i++) await Task.Delay(TimeSpan.FromMilliseconds(25));
        (await ReadersWaitingAsync()).Should().BeGreaterThanOrEqualTo(count, "a shared read is waiting for the lock");
    }
}
