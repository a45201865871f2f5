using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Bench;

/// <summary>Reads a finished run's figures from the ledger (phases, items) and Hangfire (jobs created while it ran).</summary>
public static class RunLedger
{
    public static async Task<RunFigures> ReadAsync(SigmaSightDbContext db, string connectionString, Guid runId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var started = run.StartedAt ?? run.CreatedAt;
        var finished = run.FinishedAt ?? started;
        var wall = (finished - started).TotalSeconds;
        var jobs = await HangfireJobsAsync(connectionString, started, finished, cancellationToken).ConfigureAwait(false);
        return new RunFigures(run.Id, run.Status.ToString(), run.Summary, wall,
            [.. phases.Select(p => new PhaseFigures(p.Phase, p.Name, p.Status.ToString(), p.Expected,
                p is { StartedAt: { } s, FinishedAt: { } f } ? (f - s).TotalSeconds : null))],
            phases.Sum(p => p.Expected), jobs, wall > 0 ? jobs / wall : 0);
    }

    /// <summary>Phase-3 and phase-4 items per second over their <see cref="Phase34Window"/>; 0 without one.</summary>
    public static double Phase34JobsPerSecond((DateTimeOffset Start, DateTimeOffset End, int Items)? window) =>
        window is { } w ? w.Items / (w.End - w.Start).TotalSeconds : 0;

    /// <summary>Phase 3's start, the later of phases 3 and 4's finishes and their items; null when they did not both run.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End, int Items)? Phase34Window(SigmaSightDbContext db, Guid runId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var phases = db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId && (p.Phase == BatchPhases.Pnl || p.Phase == BatchPhases.PortfolioRisk))
            .ToList();
        var start = phases.Where(p => p.Phase == BatchPhases.Pnl).Select(p => p.StartedAt).SingleOrDefault();
        var end = phases.Max(p => p.FinishedAt);
        if (start is null || end is null || end <= start) return null;
        return (start.Value, end.Value, phases.Sum(p => p.Expected));
    }

    /// <summary>
    /// The runs in the bench database that the bench did not start (requested by anyone but <paramref name="requester"/>),
    /// one line each: a run beside the measured one takes its workers, so its figures would not be the bench's.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OtherRunsAsync(SigmaSightDbContext db, string requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var others = await db.BatchRuns.AsNoTracking().Where(r => r.RequestedBy != requester).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Kind, r.RangeFrom, r.RangeTo, r.RequestedBy, r.Status, r.CreatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. others.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{r.Kind} {r.RangeFrom:yyyy-MM-dd}..{r.RangeTo:yyyy-MM-dd} requested by '{r.RequestedBy}' at {r.CreatedAt:u}, {r.Status}"))];
    }

    /// <summary>"market data 3/3  P&amp;L 120/500 …": each started phase's finished items.</summary>
    public static async Task<(string Line, RunStatus Status)> ProgressAsync(SigmaSightDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var status = await db.BatchRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.Status).SingleAsync(cancellationToken)
            .ConfigureAwait(false);
        var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var line = string.Join("  ", phases.Where(p => p.Status != PhaseStatus.Pending)
            .Select(p => $"{p.Name} {p.Expected - p.Remaining}/{p.Expected}"));
        return (line.Length == 0 ? "starting" : line, status);
    }

    private static async Task<long> HangfireJobsAsync(string connectionString, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.job WHERE createdat BETWEEN @from AND @to", connection);
        command.Parameters.AddWithValue("from", from.UtcDateTime);
        command.Parameters.AddWithValue("to", to.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
