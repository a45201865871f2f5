using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>A progress column with a task's done and expected items ("120/500"), and its failures in red.</summary>
public sealed class CountColumn : ProgressColumn
{
    public const string Done = "done";
    public const string Expected = "expected";
    public const string Failed = "failed";

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        var (done, expected, failed) = (task.State.Get<long>(Done), task.State.Get<long>(Expected), task.State.Get<long>(Failed));
        var count = string.Create(CultureInfo.InvariantCulture, $"{done,7:N0}/{expected:N0}");
        return new Markup(failed == 0 ? Markup.Escape(count)
            : string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(count)} [red]{failed:N0} failed[/]"));
    }
}
