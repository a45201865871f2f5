using System.Globalization;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>
/// An import's progress on a terminal: one bar over the file's bytes (indeterminate for standard input) whose label
/// counts the rows read, then "merging" until the import returns.
/// </summary>
public sealed class ImportProgress(ProgressTask task, string name, Stream? file) : IProgress<long>
{
    /// <summary>Runs <paramref name="import"/> inside a live progress display on <paramref name="console"/>.</summary>
    public static Task<T> ShowAsync<T>(IAnsiConsole console, string name, Stream? file, Func<IProgress<long>, Task<T>> import)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(import);
        return console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"{name}: reading"), maxValue: file is { CanSeek: true, Length: > 0 } f ? f.Length : 1);
                task.IsIndeterminate = file is not { CanSeek: true, Length: > 0 };
                var outcome = await import(new ImportProgress(task, name, file)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.StopTask();
                return outcome;
            });
    }

    /// <summary>The rows read so far (the importer reports every few thousand rows and once at the end).</summary>
    public void Report(long value)
    {
        if (file is { CanSeek: true }) task.Value = Math.Min(task.MaxValue, file.Position);
        var atEnd = file is { CanSeek: true } && file.Position >= file.Length;
        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {value:N0} rows read{(atEnd ? ", merging into prices" : "")}"));
    }
}
