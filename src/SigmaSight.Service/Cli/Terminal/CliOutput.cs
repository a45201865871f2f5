using System.CommandLine;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>
/// How a verb writes to standard output: <see cref="Rich"/> (live progress bars and tables) on a terminal, or plain
/// lines without ANSI escapes when the output is redirected (a pipe, a cron log), when TERM is <c>dumb</c> or with
/// <c>--plain</c>. NO_COLOR keeps the tables and bars but drops the colours.
/// </summary>
public sealed class CliOutput
{
    /// <summary><c>--plain</c>, on every verb.</summary>
    public static Option<bool> PlainOption { get; } = new("--plain")
    {
        Description = "Plain lines without live progress, tables or ANSI escapes (the default when the output is not a terminal)",
        Recursive = true,
    };

    private CliOutput(bool rich, IAnsiConsole console)
    {
        Rich = rich;
        Console = console;
    }

    /// <summary>True when live progress and tables are drawn.</summary>
    public bool Rich { get; }

    /// <summary>The Spectre console over standard output (no ANSI escapes unless <see cref="Rich"/>).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The output a verb's parse result asks for.</summary>
    public static CliOutput For(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Create(IsTerminal(result.GetValue(PlainOption)), System.Console.Out,
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
    }

    /// <summary>A rich or plain output writing to <paramref name="writer"/> (tests pass a StringWriter).</summary>
    public static CliOutput Create(bool rich, TextWriter writer, bool noColor = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = rich ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = !rich || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = rich ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        return new CliOutput(rich, console);
    }

    private static bool IsTerminal(bool plain) =>
        !plain && !System.Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
