using System.Text.RegularExpressions;

namespace SigmaSight.UnitTests.Security;

/// <summary>
/// Issue 7, 6: every SQL statement the service builds is parameterised. Raw SQL APIs (ExecuteSqlRaw, FromSqlRaw,
/// SqlQueryRaw, NpgsqlCommand, CommandText) must be given a constant string, never an interpolated or concatenated one;
/// interpolation is allowed only through EF's FormattableString APIs (ExecuteSqlInterpolated, SqlQuery, FromSql),
/// which turn every hole into a parameter.
/// </summary>
public sealed partial class ParameterisedSqlTests
{
    [Fact]
    public void ServiceSources_PassOnlyConstantSqlToRawSqlApis()
    {
        var root = RepositoryRoot.Path;
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = sources.SelectMany(f => BuiltSql().Matches(File.ReadAllText(f))
            .Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value.Trim()}")).ToList();

        sources.Should().HaveCountGreaterThan(100, "the scan must see the service's sources");
        offenders.Should().BeEmpty("raw SQL must be a constant with parameters");
    }

    [Theory]
    [InlineData("db.Database.ExecuteSqlRawAsync($\"DELETE FROM x WHERE id = {id}\")")]
    [InlineData("new NpgsqlCommand(\"SELECT * FROM x WHERE name = '\" + name + \"'\", connection)")]
    [InlineData("command.CommandText = $\"SELECT {column} FROM x\";")]
    [InlineData("db.Prices.FromSqlRaw(\"SELECT * FROM prices WHERE symbol = \" + symbol)")]
    public void Scan_FindsSqlBuiltFromValues(string code) => BuiltSql().IsMatch(code).Should().BeTrue();

    [Theory]
    [InlineData("db.Database.ExecuteSqlRawAsync(\"\"\"\n DELETE FROM x WHERE id = @id\n \"\"\", [p])")]
    [InlineData("db.Database.ExecuteSqlInterpolatedAsync($\"DELETE FROM x WHERE id = {id}\")")]
    [InlineData("new NpgsqlCommand(\"SELECT pg_advisory_lock(@key)\", connection)")]
    public void Scan_AcceptsConstantOrFormattableSql(string code) => BuiltSql().IsMatch(code).Should().BeFalse();

    /// <summary>A raw SQL API whose SQL argument starts interpolated ($"…", $@"…", $$"""…"""), or is a literal followed by +.</summary>
    [GeneratedRegex(@"(ExecuteSqlRaw(Async)?|FromSqlRaw|SqlQueryRaw(<[^>]+>)?|new\s+NpgsqlCommand|CommandText\s*=)\s*\(?\s*(\$+@?""|@?\$+""|""[^""]*""\s*\+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex BuiltSql();
}
