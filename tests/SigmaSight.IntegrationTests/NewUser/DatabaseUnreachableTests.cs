using System.Globalization;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7: with PostgreSQL unreachable (a port where nothing listens) every kind of verb prints one line with the
/// server, the cause and what to do, and exits 69; the stack trace only with <c>--verbose</c>. A database that does not
/// exist on a running server gets its own line.
/// </summary>
public sealed class DatabaseUnreachableTests
{
    private static readonly string Port = SigmaSight.Service.Hosting.LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
    private static readonly Dictionary<string, string> Nowhere = new()
    {
        ["SIGMASIGHT_DB"] = $"Host=127.0.0.1;Port={Port};Database=sigmasight;Username=postgres;Timeout=5",
    };

    [Theory]
    [InlineData("status")]
    [InlineData("portfolios")]
    [InlineData("migrate")]
    [InlineData("run", "--date", "2026-11-24")]
    public async Task Verb_PrintsOneLineWithTheCauseAndTheRemedy_AndExits69(params string[] args)
    {
        var (code, output) = await ServiceProcess.RunAsync(Nowhere, args);

        code.Should().Be(69, output);
        output.Trim().Should().Be($"error: cannot reach PostgreSQL at 127.0.0.1:{Port} (connection refused: nothing listens on that port): " +
            "start it with deploy/db.sh start, or set SIGMASIGHT_DB to a server that is running");
    }

    [Fact]
    public async Task Verbose_AddsTheExceptionWithItsStackTrace()
    {
        var (code, output) = await ServiceProcess.RunAsync(Nowhere, "status", "--verbose");

        code.Should().Be(69, output);
        output.Should().StartWith($"error: cannot reach PostgreSQL at 127.0.0.1:{Port} (connection refused")
            .And.Contain("System.Net.Sockets.SocketException").And.MatchRegex(@"(?m)^\s+at \S+");
    }

    [Fact]
    public async Task AMissingDatabase_IsNamedWithWhatToDo()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = "no_such_database_9" };

        var (code, output) = await ServiceProcess.RunAsync(new Dictionary<string, string> { ["SIGMASIGHT_DB"] = missing.ConnectionString }, "status");

        code.Should().Be(69, output);
        output.Trim().Should().Be($"error: PostgreSQL at {missing.Host}:{missing.Port} has no database 'no_such_database_9': create it " +
            "(deploy/db.sh start creates 'sigmasight'), or set SIGMASIGHT_DB to an existing database; then run migrate");
    }
}
