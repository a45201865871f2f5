using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7: every script in deploy/ answers <c>--help</c> with a short usage of its own (not a line of the script,
/// not dotnet test's help) and exits 0; the CLI's usage lines name <c>deploy/sigmasight</c>.
/// </summary>
public sealed class ScriptHelpTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Theory]
    [InlineData("test.sh")]
    [InlineData("demo.sh")]
    [InlineData("db.sh")]
    [InlineData("bench.sh")]
    [InlineData("bench-import.sh")]
    [InlineData("check-fixtures.sh")]
    [InlineData("ensure-deps.sh")]
    public async Task Help_PrintsAShortUsage_AndExits0(string script)
    {
        var (code, stdout, stderr) = await ScriptProcess.RunAsync(script, NoSettings, "--help");

        code.Should().Be(0, stderr);
        stdout.Should().StartWith($"usage: deploy/{script}");
        stdout.Split('\n').Length.Should().BeInRange(3, 25, "a short usage");
        stdout.Should().NotContain("set -euo", "not a line of the script").And.NotContain("Microsoft.Testing.Platform");
    }

    [Fact]
    public async Task DbSh_RefusesAnUnknownCommand_WithItsUsage_AndExit64()
    {
        var (code, _, stderr) = await ScriptProcess.RunAsync("db.sh", NoSettings, "bogus");

        code.Should().Be(64);
        stderr.Should().StartWith("usage: deploy/db.sh start|url|stop|status|destroy [--yes]|psql");
    }

    [Fact]
    public async Task CliUsageLines_NameTheWrapperScript()
    {
        var (code, output) = await ServiceProcess.RunAsync(NoSettings, "run", "--help");

        code.Should().Be(0, output);
        output.Should().Contain("deploy/sigmasight run [options]").And.NotContain("SigmaSight.Service");
    }
}
