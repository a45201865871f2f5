using Npgsql;

namespace SigmaSight.Service.Hosting;

/// <summary>Finds the connection string: <c>SIGMASIGHT_DB</c>, else <c>ConnectionStrings:SigmaSight</c>.</summary>
public static class DatabaseConnection
{
    public const string EnvironmentVariable = "SIGMASIGHT_DB";

    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[EnvironmentVariable] ?? configuration.GetConnectionString("SigmaSight");
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: start the local database with deploy/db.sh start and " +
                $"export {EnvironmentVariable}=\"$(deploy/db.sh url)\", or run through deploy/sigmasight.");
        return value;
    }

    /// <summary>The same database under another application name, so each pool shows in pg_stat_activity.</summary>
    public static string ForApplication(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;
}
