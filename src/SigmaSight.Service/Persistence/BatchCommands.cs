using Npgsql;
using NpgsqlTypes;

namespace SigmaSight.Service.Persistence;

/// <summary>The commands of an <see cref="NpgsqlBatch"/>: a job's reads or writes in one round trip (issue 10).</summary>
internal static class BatchCommands
{
    /// <summary>
    /// A command with those of <paramref name="parameters"/> its text names (a copy of each, so one set can serve every
    /// command of a batch).
    /// </summary>
    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
            if (sql.Contains("@" + parameter.ParameterName, StringComparison.Ordinal)) command.Parameters.Add(parameter.Clone());
        return command;
    }

    /// <summary>An array parameter of <paramref name="values"/>, one element per row, for an <c>unnest</c> insert.</summary>
    public static NpgsqlParameter<T[]> Array<T>(string name, IEnumerable<T> values) => new(name, [.. values]);

    /// <summary>A parameter of <paramref name="type"/> that sends NULL for a null <paramref name="value"/>.</summary>
    public static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
