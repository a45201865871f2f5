using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Diff;

/// <summary>
/// Compares the snapshots two runs verified (<see cref="FigureVersions"/>) on the dates and portfolios both cover:
/// a night against its forced re-run, or the original night against its recompute after a price correction.
/// </summary>
public sealed class RunDiffer(SigmaSightDbContext db)
{
    public async Task<RunDiff> CompareAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        var runA = await VerifiedAsync(a, cancellationToken).ConfigureAwait(false);
        var runB = await VerifiedAsync(b, cancellationToken).ConfigureAwait(false);
        var from = runA.RangeFrom > runB.RangeFrom ? runA.RangeFrom : runB.RangeFrom;
        var to = runA.RangeTo < runB.RangeTo ? runA.RangeTo : runB.RangeTo;
        if (from > to)
            throw new UsageException($"runs {a} ({runA.RangeFrom:yyyy-MM-dd}..{runA.RangeTo:yyyy-MM-dd}) and {b} " +
                $"({runB.RangeFrom:yyyy-MM-dd}..{runB.RangeTo:yyyy-MM-dd}) have no date in common");
        var scope = RunScope.PortfolioOf(runA.Scope) ?? RunScope.PortfolioOf(runB.Scope);
        if (RunScope.PortfolioOf(runA.Scope) is { } pa && RunScope.PortfolioOf(runB.Scope) is { } pb && pa != pb)
            throw new UsageException($"runs {a} and {b} cover different portfolios ({pa} and {pb})");
        var viewA = await ViewAsync(runA.FiguresVersion!.Value, from, to, scope, cancellationToken).ConfigureAwait(false);
        var viewB = await ViewAsync(runB.FiguresVersion!.Value, from, to, scope, cancellationToken).ConfigureAwait(false);

        var changes = new List<FigureChange>();
        var changedDays = 0;
        foreach (var (key, figuresA) in viewA.Where(v => viewB.ContainsKey(v.Key)).OrderBy(v => v.Value.Day.Portfolio, StringComparer.Ordinal).ThenBy(v => v.Value.Day.Date))
        {
            var day = Changes(figuresA.Day, figuresA.Figures, viewB[key].Figures).ToList();
            if (day.Count > 0) changedDays++;
            changes.AddRange(day);
        }
        return new RunDiff(a, b, from, to, viewA.Keys.Count(viewB.ContainsKey), changedDays,
            OnlyIn(viewA, viewB), OnlyIn(viewB, viewA), changes);
    }

    private async Task<BatchRun> VerifiedAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.BatchRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"run {id} does not exist");
        if (run.DetailPrunedAt is { } pruned)
            throw new UsageException($"run {id} finished {run.FinishedAt:yyyy-MM-dd} and retention pruned its detail and the figures it " +
                $"replaced on {pruned:yyyy-MM-dd} (Retention:KeepDays): only runs within the retention window can be compared");
        return run.FiguresVersion is null
            ? throw new UsageException($"run {id} is {run.Status} without a verdict on its figures yet (only a verified run can be compared)")
            : run;
    }

    private static List<PortfolioDay> OnlyIn(Dictionary<(Guid, DateOnly), View> one, Dictionary<(Guid, DateOnly), View> other) =>
        [.. one.Where(v => !other.ContainsKey(v.Key)).Select(v => v.Value.Day).OrderBy(d => d.Portfolio, StringComparer.Ordinal).ThenBy(d => d.Date)];

    private static IEnumerable<FigureChange> Changes(PortfolioDay day, JsonElement a, JsonElement b)
    {
        var fields = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name)).Order(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var valueA = a.TryGetProperty(field, out var x) ? x : default;
            var valueB = b.TryGetProperty(field, out var y) ? y : default;
            if (Same(valueA, valueB)) continue;
            yield return new FigureChange(day.PortfolioId, day.Portfolio, day.Date, field, Text(valueA), Text(valueB),
                Number(valueA) is { } na && Number(valueB) is { } nb ? nb - na : null);
        }
    }

    private static bool Same(JsonElement a, JsonElement b) =>
        Number(a) is { } na && Number(b) is { } nb ? na == nb : Text(a) == Text(b);

    private static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
        && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Text(JsonElement value) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();

    /// <summary>The snapshots valid at <paramref name="version"/>: live rows inserted by then, archived rows replaced after.</summary>
    private async Task<Dictionary<(Guid, DateOnly), View>> ViewAsync(long version, DateOnly from, DateOnly to, Guid? portfolio,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.portfolio_id, p.name, v.snapshot_date, v.figures::text
              FROM (SELECT s.portfolio_id, s.snapshot_date, to_jsonb(s) - ARRAY['id', 'portfolio_id', 'snapshot_date', 'run_id', 'created_at', 'version'] AS figures
                      FROM sigmasight.portfolio_snapshots s
                     WHERE s.version <= @version AND s.snapshot_date BETWEEN @from AND @to
                    UNION ALL
                    SELECT a.portfolio_id, a.snapshot_date, a.figures
                      FROM sigmasight.snapshot_archive a
                     WHERE a.version <= @version AND a.replaced_version > @version AND a.snapshot_date BETWEEN @from AND @to) v
              JOIN sigmasight.portfolios p ON p.id = v.portfolio_id
             WHERE @portfolio::uuid IS NULL OR v.portfolio_id = @portfolio::uuid
            """;
        Add(command, "version", version);
        Add(command, "from", from);
        Add(command, "to", to);
        Add(command, "portfolio", portfolio is { } id ? id : DBNull.Value);
        var view = new Dictionary<(Guid, DateOnly), View>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var day = new PortfolioDay(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2));
            using var figures = JsonDocument.Parse(reader.GetString(3));
            view[(day.PortfolioId, day.Date)] = new View(day, figures.RootElement.Clone());
        }
        return view;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record View(PortfolioDay Day, JsonElement Figures);
}
