using SigmaSight.Service.Batches;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>
/// A run's progress as live bars, one per phase (market data, symbol analytics, P&amp;L, risk, verify), with each
/// phase's finished items of its expected ones from the ledger and its failed or blocked items counted as they happen.
/// </summary>
public sealed class LiveRunProgress(ProgressContext context) : IRunProgressView
{
    private readonly Dictionary<(Guid Run, int Phase), ProgressTask> tasks = [];

    /// <summary>The columns of the bars: phase, bar, percentage, done/expected and failures, elapsed time.</summary>
    public static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
            new ElapsedTimeColumn(), new SpinnerColumn()];

    /// <summary>Waits inside a live progress display on <paramref name="console"/>.</summary>
    public static Task<T> ShowAsync<T>(IAnsiConsole console, Func<IRunProgressView, Task<T>> wait)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(wait);
        return console.Progress().AutoClear(false).HideCompleted(false).Columns(Columns())
            .StartAsync(context => wait(new LiveRunProgress(context)));
    }

    public Task ShowAsync(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        foreach (var phase in progress.Phases)
        {
            if (!tasks.TryGetValue((progress.Run.Id, phase.Phase), out var task))
            {
                task = context.AddTask(Markup.Escape(phase.Name), autoStart: false);
                tasks[(progress.Run.Id, phase.Phase)] = task;
            }
            Update(task, phase);
        }
        return Task.CompletedTask;
    }

    public Task FollowAsync(Guid superseded, Guid successor)
    {
        foreach (var task in tasks.Values) task.StopTask();
        foreach (var task in tasks.Values) task.Description = $"[grey]{task.Description} (superseded)[/]";
        return Task.CompletedTask;
    }

    private static void Update(ProgressTask task, PhaseCounts phase)
    {
        task.State.Update<long>(CountColumn.Done, _ => phase.Done);
        task.State.Update<long>(CountColumn.Expected, _ => phase.Expected);
        task.State.Update<long>(CountColumn.Failed, _ => phase.Failed + phase.Blocked);
        // A phase with no items (e.g. no option to price) is full once it finished.
        task.MaxValue = Math.Max(1, phase.Expected);
        task.Value = phase.Expected == 0 ? (phase.Status.IsFinished() ? 1 : 0) : phase.Done;
        if (phase.Status != PhaseStatus.Pending && !task.IsStarted) task.StartTask();
        if (phase.Status.IsFinished() && !task.IsFinished) task.StopTask();
    }
}
