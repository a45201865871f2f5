using Npgsql;
using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

public class BenchDatabaseTests
{
    [Fact]
    public void ConnectionString_RenamesTheDatabase_KeepingEverythingElse()
    {
        var bench = new NpgsqlConnectionStringBuilder(
            BenchDatabase.ConnectionString("Host=db.example;Port=5433;Database=sigmasight;Username=svc;Password=secret"));

        bench.Database.Should().Be("sigmasight_bench");
        (bench.Host, bench.Port, bench.Username, bench.Password).Should().Be(("db.example", 5433, "svc", "secret"));
    }

    [Fact]
    public void ConnectionString_RefusesABenchDatabase_SoABenchNeverDropsTheDatabaseItWasGiven()
    {
        var act = () => BenchDatabase.ConnectionString("Host=h;Database=sigmasight_bench");

        act.Should().Throw<ArgumentException>().WithMessage("*already names a bench database (sigmasight_bench)*");
    }
}
