using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk.Portfolios;

namespace SigmaSight.Service.Risk;

/// <summary>
/// Phase 4, one portfolio and day: every family of the analytics conventions from the positions open at the close,
/// written with one <c>analytic_results</c> row per family and the ledger item in ONE transaction, under the
/// portfolio's lock. A family that throws is stored as failed and fails the job (retried, then Failed) naming it.
/// </summary>
public sealed partial class PortfolioRiskJob(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, RiskInputLoader loader,
    IOptions<AnalyticsOptions> options, IOptions<BatchOptions> batch, ILogger<PortfolioRiskJob> logger)
{
    [BatchJobDisplayName]
    public async Task RunAsync(Guid runId, Guid portfolioId, DateOnly date, CancellationToken cancellationToken)
    {
        var reference = LedgerItemRef.Risk(runId, portfolioId, date);
        if (!await ledger.BeginItemAsync(reference, cancellationToken).ConfigureAwait(false)) return;

        FinishOutcome outcome;
        List<string> failures;
        string name;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Read under the portfolio's lock, the first command of the loader's batch.
            var inputs = await loader.LoadAsync(runId, portfolioId, date, cancellationToken).ConfigureAwait(false);
            name = inputs.PortfolioName;
            (var figures, failures) = new PortfolioRiskCalculator(inputs, options.Value, inputs.Calendar, batch.Value.RiskFreeRate).Compute(runId);
            // The rows, and when every family succeeded the ledger item's success too, in one round trip.
            var success = failures.Count == 0 ? ledger.SuccessCommand(reference) : null;
            var remaining = await RiskWriter.WriteAsync(db, inputs.Snapshot, figures, inputs.HasStoredRows, success, cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                throw new PortfolioRiskException($"portfolio risk of {name} on {date:yyyy-MM-dd} failed in " +
                    $"{failures.Count} famil{(failures.Count == 1 ? "y" : "ies")}: {string.Join("; ", failures)}");
            }
            outcome = await ledger.AfterSuccessAsync(reference, remaining, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        LogComputed(logger, name, date);
        await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Portfolio risk of {Portfolio} on {Date:yyyy-MM-dd} written")]
    private static partial void LogComputed(ILogger logger, string portfolio, DateOnly date);
}

/// <summary>A family of portfolio risk could not be computed: retried per the policy, then Failed, naming it.</summary>
public sealed class PortfolioRiskException(string message) : Exception(message);
