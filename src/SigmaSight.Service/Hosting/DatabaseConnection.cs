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

    /// <summary>Statements each pooled connection keeps prepared when the connection string does not say (Npgsql: 0, off).</summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// The same database under another application name, so each pool shows in pg_stat_activity, with Npgsql's automatic
    /// preparation on unless the connection string sets <c>Max Auto Prepare</c> (0 turns it off): every job runs the same
    /// few dozen statements, and a prepared one skips PostgreSQL's parse and plan (issue 10: the 1,000-portfolio nightly
    /// 45-48 s -> 39 s on the 2-core machine; README "Performance").
    /// </summary>
    public static string ForApplication(string connectionString, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName };
        // The plain builder holds only the keywords given (Npgsql's answers true for every keyword it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}
