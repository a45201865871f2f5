using System.Net.Sockets;
using Npgsql;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Cli;

/// <summary>
/// The one line the CLI prints when PostgreSQL cannot be used (not running, wrong host or port, no such database, login
/// refused): the server, the cause and what to do, exit code <see cref="ExitCodes.DatabaseUnavailable"/>. The stack trace
/// only with <c>--verbose</c>.
/// </summary>
public static class DatabaseFailure
{
    private const string Remedy = "start it with deploy/db.sh start, or set SIGMASIGHT_DB to a server that is running";

    /// <summary>The line for <paramref name="e"/> when it (or an exception inside it) says the database cannot be used; else null.</summary>
    public static string? Describe(Exception e, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(e);
        var server = Server(connectionString);
        foreach (var inner in Chain(e))
        {
            switch (inner)
            {
                case PostgresException { SqlState: "3D000" }:
                    return $"PostgreSQL at {server} has no database '{Database(connectionString)}': create it (deploy/db.sh start creates " +
                        "'sigmasight'), or set SIGMASIGHT_DB to an existing database; then run migrate";
                case PostgresException { SqlState: "28P01" or "28000" } login:
                    return $"PostgreSQL at {server} refused the login ({login.MessageText}): fix the user or password in SIGMASIGHT_DB";
                case PostgresException { SqlState: "57P03" }:
                    return $"PostgreSQL at {server} is starting up: try again in a few seconds";
                case SocketException socket:
                    return $"cannot reach PostgreSQL at {server} ({Cause(socket.SocketErrorCode)}): {Remedy}";
                case NpgsqlException { InnerException: TimeoutException }:
                    return $"cannot reach PostgreSQL at {server} (timed out connecting): {Remedy}";
            }
        }
        return null;
    }

    private static string Cause(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused: nothing listens on that port",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "host unreachable",
        SocketError.ConnectionReset => "connection reset",
        _ => $"socket error {error}",
    };

    private static IEnumerable<Exception> Chain(Exception e)
    {
        var pending = new Stack<Exception>([e]);
        while (pending.TryPop(out var next))
        {
            yield return next;
            if (next is AggregateException all)
                foreach (var inner in all.InnerExceptions) pending.Push(inner);
            else if (next.InnerException is { } inner) pending.Push(inner);
        }
    }

    private static string Server(string? connectionString) =>
        Parsed(connectionString) is { } b ? $"{b.Host}:{b.Port}" : "the configured server";

    private static string Database(string? connectionString) => Parsed(connectionString)?.Database ?? "?";

    private static NpgsqlConnectionStringBuilder? Parsed(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return null;
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The connection string the CLI's host uses (SIGMASIGHT_DB), or null.</summary>
    public static string? ConfiguredConnectionString() =>
        Environment.GetEnvironmentVariable(DatabaseConnection.EnvironmentVariable) is { Length: > 0 } value ? value : null;
}
