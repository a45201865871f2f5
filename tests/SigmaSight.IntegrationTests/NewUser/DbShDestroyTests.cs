using Npgsql;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7: the local cluster keeps little WAL, and <c>db.sh destroy</c> removes it (stopping it first) only when
/// told <c>--yes</c>. Runs on a throwaway cluster (a copy of db.sh in a directory of its own), never the shared one.
/// </summary>
public sealed class DbShDestroyTests
{
    private static readonly Dictionary<string, string> OwnCluster = new() { ["SIGMASIGHT_DB"] = "" };

    [Fact]
    public async Task TheLocalCluster_KeepsLittleWal()
    {
        await using var cluster = await ThrowawayCluster.StartAsync();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        var settings = new Dictionary<string, string>();
        foreach (var name in new[] { "wal_level", "max_wal_senders", "max_wal_size", "min_wal_size" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings[name] = (string)(await show.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        settings.Should().Equal(new Dictionary<string, string>
        {
            ["wal_level"] = "minimal", ["max_wal_senders"] = "0", ["max_wal_size"] = "64MB", ["min_wal_size"] = "32MB",
        });
    }

    [Fact]
    public async Task Destroy_AsksForYes_ThenStopsTheClusterAndDeletesItsDirectory()
    {
        await using var cluster = await ThrowawayCluster.StartAsync();
        var (_, status, _) = await ScriptProcess.RunFileAsync(cluster.DbSh, OwnCluster, "status");
        var dataDir = status.Split('\n').Single(l => l.StartsWith("data dir: ", StringComparison.Ordinal))["data dir: ".Length..];

        var (asked, _, question) = await ScriptProcess.RunFileAsync(cluster.DbSh, OwnCluster, "destroy");
        asked.Should().Be(64, question);
        question.Should().Contain($"destroy deletes {dataDir}").And.Contain("deploy/db.sh destroy --yes");
        Directory.Exists(dataDir).Should().BeTrue("nothing is deleted without --yes");

        var (destroyed, _, said) = await ScriptProcess.RunFileAsync(cluster.DbSh, OwnCluster, "destroy", "--yes");
        destroyed.Should().Be(0, said);
        said.Should().Contain($"destroyed the cluster in {dataDir}");
        Directory.Exists(dataDir).Should().BeFalse();
        var (after, nowStatus, _) = await ScriptProcess.RunFileAsync(cluster.DbSh, OwnCluster, "status");
        after.Should().Be(3);
        nowStatus.Should().StartWith("state: not initialised");
        await using var probe = new NpgsqlConnection(cluster.ConnectionString);
        await FluentActions.Awaiting(() => probe.OpenAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<NpgsqlException>("the server was stopped");
    }
}
