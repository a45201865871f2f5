using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk;

/// <summary>
/// Loads the analytics reference data; <c>migrate</c> runs it after the migrations, under the migration lock.
/// Factor definitions (<see cref="FactorCatalog"/>) and stress scenarios (the embedded JSON) are inserted when their
/// key is missing and never changed afterwards, so an operator's edits (e.g. deactivating a scenario) survive every
/// <c>migrate</c>; a shipped change to an existing row needs a new key or a migration. Benchmark sector weights are
/// published figures, not settings: rows of the embedded CSV are inserted, or updated when the file differs.
/// Running it twice writes nothing the second time.
/// </summary>
public sealed partial class ReferenceDataSeeder(SigmaSightDbContext db, ILogger<ReferenceDataSeeder> logger)
{
    public async Task<ReferenceDataChanges> SeedAsync(CancellationToken cancellationToken)
    {
        var scenarios = StressScenarioCatalog.Load();
        var weights = SectorWeightCatalog.Load();

        var factorNames = await db.FactorDefinitions.Select(f => f.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var newFactors = FactorCatalog.Definitions().Where(f => !factorNames.Contains(f.Name)).ToList();
        db.FactorDefinitions.AddRange(newFactors);

        var scenarioIds = await db.StressScenarios.Select(s => s.ScenarioId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var newScenarios = scenarios.Where(s => !scenarioIds.Contains(s.ScenarioId)).ToList();
        db.StressScenarios.AddRange(newScenarios);

        var benchmarks = weights.Select(w => w.Benchmark).Distinct().ToList();
        var stored = await db.SectorBenchmarkWeights.Where(w => benchmarks.Contains(w.Benchmark))
            .ToDictionaryAsync(w => (w.Benchmark, w.AsOf, w.Sector), cancellationToken).ConfigureAwait(false);
        var (addedWeights, updatedWeights) = (0, 0);
        foreach (var weight in weights)
        {
            if (!stored.TryGetValue((weight.Benchmark, weight.AsOf, weight.Sector), out var row))
            {
                db.SectorBenchmarkWeights.Add(weight);
                addedWeights++;
            }
            else if (row.Weight.CompareTo(weight.Weight) != 0 || row.Source != weight.Source)
            {
                (row.Weight, row.Source) = (weight.Weight, weight.Source);
                updatedWeights++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var changes = new ReferenceDataChanges(newFactors.Count, newScenarios.Count, addedWeights, updatedWeights);
        LogSeeded(logger, changes.Factors, changes.Scenarios, changes.WeightsAdded, changes.WeightsUpdated);
        return changes;
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Reference data: {Factors} factor definition(s) and {Scenarios} stress scenario(s) inserted, {Added} sector weight(s) inserted and {Updated} updated")]
    private static partial void LogSeeded(ILogger logger, int factors, int scenarios, int added, int updated);
}

/// <summary>What one <see cref="ReferenceDataSeeder.SeedAsync"/> wrote: rows inserted (and sector weights updated).</summary>
public sealed record ReferenceDataChanges(int Factors, int Scenarios, int WeightsAdded, int WeightsUpdated)
{
    public bool None => Factors == 0 && Scenarios == 0 && WeightsAdded == 0 && WeightsUpdated == 0;
}
