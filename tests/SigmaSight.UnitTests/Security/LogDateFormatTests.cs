using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SigmaSight.UnitTests.Security;

/// <summary>
/// Issue 9 point 7: logs print ISO dates. Logging renders a message with the invariant culture, whose short date is
/// MM/dd/yyyy (<c>11/25/2026</c>), so every [LoggerMessage] placeholder bound to a DateOnly says <c>:yyyy-MM-dd</c> and
/// every one bound to a DateTimeOffset or DateTime says <c>:O</c>.
/// </summary>
public sealed partial class LogDateFormatTests
{
    [Fact]
    public void EveryLoggedDate_IsFormattedAsIso()
    {
        var root = RepositoryRoot.Path;
        var unformatted = new List<string>();
        var checkedDates = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            foreach (Match m in LogMethod().Matches(File.ReadAllText(file)))
            {
                foreach (Match p in DateParameter().Matches(m.Groups["params"].Value))
                {
                    checkedDates++;
                    var format = p.Groups["type"].Value.StartsWith("DateOnly", StringComparison.Ordinal) ? "yyyy-MM-dd" : "O";
                    var placeholder = new Regex($@"\{{{p.Groups["name"].Value}(:[^}}]*)?\}}", RegexOptions.IgnoreCase).Match(m.Groups["attr"].Value);
                    if (placeholder.Success && placeholder.Groups[1].Value != ":" + format)
                        unformatted.Add($"{Path.GetRelativePath(root, file)}: {{{p.Groups["name"].Value}}} needs :{format}");
                }
            }
        }

        checkedDates.Should().BeGreaterThan(5, "the scan finds the logged dates");
        unformatted.Should().BeEmpty();
    }

    [Fact]
    public void TheFormat_RendersIso_WhereTheDefaultRendersMonthFirst()
    {
        var date = new DateOnly(2026, 11, 25);
        var logger = new Rendered();

        LogDefault(logger, date);
        LogIso(logger, date);

        logger.Messages.Should().Equal("on 11/25/2026", "on 2026-11-25");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "on {Date}")]
    private static partial void LogDefault(ILogger logger, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "on {Date:yyyy-MM-dd}")]
    private static partial void LogIso(ILogger logger, DateOnly date);

    private sealed class Rendered : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    [GeneratedRegex(@"\[LoggerMessage\((?<attr>.*?)\)\]\s*(?:private|internal|public)[^;]*?partial void \w+\((?<params>[^)]*)\);", RegexOptions.Singleline)]
    private static partial Regex LogMethod();

    [GeneratedRegex(@"(?<type>DateOnly|DateTimeOffset|DateTime)\??\s+(?<name>\w+)")]
    private static partial Regex DateParameter();
}
