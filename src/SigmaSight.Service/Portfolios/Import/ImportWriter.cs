using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// Applies a validated import to the stored book (tracked entities; the caller saves and commits): creates
/// portfolios, adds lots and flows not stored yet, edits the exit, class or underlying of a matched lot and the
/// amount of a matched flow, moves inception to the first flow. When a change reaches a day that has a snapshot, the
/// portfolio's <see cref="Portfolio.RebuildFrom"/> is set to the earliest such day (the next run rebuilds from there).
/// </summary>
internal sealed class ImportWriter(SigmaSightDbContext db, StoredBook book, DateTimeOffset now)
{
    public async Task<PortfolioImportResult> ApplyAsync(string name, DateOnly inception, IReadOnlyList<ImportedLot> lots,
        IReadOnlyList<ImportedFlow> flows, CancellationToken cancellationToken)
    {
        var portfolio = book.Portfolios.GetValueOrDefault(name);
        var created = portfolio is null;
        var ownerChanged = false;
        if (portfolio is null)
        {
            portfolio = new Portfolio { Id = Guid.CreateVersion7(now), Name = name, Owner = lots[0].Owner, InceptionDate = inception, CreatedAt = now };
            db.Portfolios.Add(portfolio);
        }
        else if (lots.Count > 0 && portfolio.Owner != lots[0].Owner)
        {
            portfolio.Owner = lots[0].Owner;
            ownerChanged = true;
        }

        DateOnly? affected = null;
        void Affects(DateOnly? date) => affected = date is { } d && (affected is null || d < affected) ? d : affected;
        if (portfolio.InceptionDate != inception)
        {
            Affects(inception < portfolio.InceptionDate ? inception : portfolio.InceptionDate);
            portfolio.InceptionDate = inception;
        }

        var stored = created ? [] : book.Lots[portfolio.Id].ToList();
        var byKey = stored.GroupBy(LotKey.Of).ToDictionary(g => g.Key, g => g.First());
        var (added, changed, closed) = (0, 0, 0);
        foreach (var lot in lots)
        {
            if (!byKey.TryGetValue(lot.Key, out var position))
            {
                var index = stored.Count(p => p.Symbol == lot.Symbol && p.EntryDate == lot.EntryDate);
                position = NewPosition(portfolio.Id, lot, index);
                stored.Add(position);
                db.Positions.Add(position);
                Affects(lot.EntryDate);
                added++;
                continue;
            }
            var edit = Edit(position, lot, Affects);
            if (edit == true) closed++;
            else if (edit == false) changed++;
        }

        var storedFlows = created ? [] : book.Flows[portfolio.Id].ToList();
        var (flowsAdded, flowsChanged) = (0, 0);
        foreach (var flow in flows)
        {
            var match = storedFlows.FirstOrDefault(f => f.ChangeDate == flow.Date && f.ChangeType == flow.Type);
            if (match is null)
            {
                db.EquityChanges.Add(new EquityChange
                {
                    Id = Guid.CreateVersion7(now), PortfolioId = portfolio.Id, ChangeDate = flow.Date, ChangeType = flow.Type, Amount = flow.Amount,
                });
                flowsAdded++;
            }
            else if (match.Amount != flow.Amount)
            {
                match.Amount = flow.Amount;
                flowsChanged++;
            }
            else continue;
            Affects(flow.Date);
        }

        DateOnly? recompute = null;
        if (!created && affected is { } from && await db.PortfolioSnapshots
                .AnyAsync(s => s.PortfolioId == portfolio.Id && s.SnapshotDate >= from, cancellationToken).ConfigureAwait(false))
        {
            portfolio.RebuildFrom = portfolio.RebuildFrom is { } pending && pending < from ? pending : from;
            recompute = portfolio.RebuildFrom;
        }
        var touched = created || ownerChanged || affected is not null;
        return new PortfolioImportResult(name,
            created ? PortfolioImportResult.Created : touched ? PortfolioImportResult.Updated : PortfolioImportResult.Unchanged,
            inception, added, changed, closed, lots.Count - added - changed - closed,
            flowsAdded, flowsChanged, flows.Count - flowsAdded - flowsChanged, recompute);
    }

    /// <summary>Edits what a re-imported lot may change; null when nothing differs, true when it closes an open lot.</summary>
    private static bool? Edit(Position position, ImportedLot lot, Action<DateOnly?> affects)
    {
        var exitChanged = position.ExitDate != lot.ExitDate || position.ExitPrice != lot.ExitPrice;
        var shapeChanged = position.InvestmentClass != lot.InvestmentClass || position.UnderlyingSymbol != lot.UnderlyingSymbol;
        if (!exitChanged && !shapeChanged) return null;
        var closing = position.ExitDate is null && lot.ExitDate is not null;
        if (shapeChanged) affects(position.EntryDate);
        if (exitChanged)
        {
            affects(position.ExitDate);
            affects(lot.ExitDate);
        }
        (position.ExitPrice, position.ExitDate) = (lot.ExitPrice, lot.ExitDate);
        (position.InvestmentClass, position.UnderlyingSymbol) = (lot.InvestmentClass, lot.UnderlyingSymbol);
        return closing;
    }

    private Position NewPosition(Guid portfolioId, ImportedLot lot, int lotIndex) => new()
    {
        Id = Guid.CreateVersion7(now), PortfolioId = portfolioId, Symbol = lot.Symbol, PositionType = lot.PositionType,
        InvestmentClass = lot.InvestmentClass, Quantity = lot.Quantity, EntryPrice = lot.EntryPrice, EntryDate = lot.EntryDate,
        ExitPrice = lot.ExitPrice, ExitDate = lot.ExitDate, UnderlyingSymbol = lot.UnderlyingSymbol, StrikePrice = lot.StrikePrice,
        ExpirationDate = lot.ExpirationDate, LotIndex = lotIndex,
    };
}
