using Npgsql;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Hosting;

/// <summary>Finds the connection string: <c>SIGMASIGHT_DB</c>, else <c>ConnectionStrings:SigmaSight</c>.</summary>
public static class DatabaseConnection
{
    public const string EnvironmentVariable = "SIGMASIGHT_DB";
    public const string ConnectionStringKey = "ConnectionStrings:SigmaSight";

    /// <summary>
    /// The configured connection string, checked to parse as a PostgreSQL connection string. A missing or malformed one
    /// is a <see cref="ConfigurationException"/> naming the setting and the keyword at fault, never the value (it may
    /// hold a password).
    /// </summary>
    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (key, value) = configuration[EnvironmentVariable] is { Length: > 0 } fromEnvironment
            ? (EnvironmentVariable, fromEnvironment)
            : (ConnectionStringKey, configuration.GetConnectionString("SigmaSight"));
        if (string.IsNullOrWhiteSpace(value))
            throw new ConfigurationException(
                $"{EnvironmentVariable} is not set: start the local database with deploy/db.sh start and " +
                $"export {EnvironmentVariable}=\"$(deploy/db.sh url)\", or run through deploy/sigmasight.");
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(parsed.Host)) throw new ArgumentException("it names no Host");
        }
        catch (ArgumentException e)
        {
            // ArgumentException's message names the keyword ("Couldn't set port"), never its value.
            throw new ConfigurationException($"{key} is not a valid PostgreSQL connection string: {e.Message}");
        }
        return value;
    }

    /// <summary>The same database under another application name, so each pool shows in pg_stat_activity.</summary>
    public static string ForApplication(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;
}
