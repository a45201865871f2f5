using Npgsql;
using SigmaSight.Service.Hosting;

namespace SigmaSight.UnitTests.Hosting;

/// <summary>Each pool gets its application name and, unless the operator chose otherwise, automatic preparation.</summary>
public sealed class DatabaseConnectionTests
{
    private const string Configured = "Host=db.example;Port=5433;Database=sigmasight;Username=batch";

    [Fact]
    public void ForApplication_NamesThePool_AndTurnsAutomaticPreparationOn()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseConnection.ForApplication(Configured, "sigmasight-hangfire"));

        built.ApplicationName.Should().Be("sigmasight-hangfire");
        built.MaxAutoPrepare.Should().Be(DatabaseConnection.DefaultMaxAutoPrepare);
        built.AutoPrepareMinUsages.Should().Be(2);
        (built.Host, built.Port, built.Database, built.Username).Should().Be(("db.example", 5433, "sigmasight", "batch"));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("max auto prepare=20", 20)]
    [InlineData("MaxAutoPrepare=7", 7)]
    public void ForApplication_KeepsTheOperatorsChoice(string setting, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseConnection.ForApplication($"{Configured};{setting}", "sigmasight"));

        built.MaxAutoPrepare.Should().Be(expected);
    }
}
