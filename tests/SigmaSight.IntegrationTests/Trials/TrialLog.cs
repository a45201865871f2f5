using System.Globalization;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Trials;

/// <summary>The figures of the long trials, appended to artifacts/trials/&lt;name&gt;.log (and the test output) as they happen.</summary>
public static class TrialLog
{
    public static async Task WriteAsync(string name, string line)
    {
        var directory = Path.Combine(Oracle.RepoRoot, "artifacts", "trials");
        Directory.CreateDirectory(directory);
        var stamped = $"{TimeProvider.System.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}";
        await File.AppendAllTextAsync(Path.Combine(directory, $"{name}.log"), stamped + Environment.NewLine);
        TestContext.Current.TestOutputHelper?.WriteLine(stamped);
    }
}
