namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// The checks across rows (duplicates, one owner per portfolio, priced symbols) and against the stored book (capital
/// flows, inception, new portfolios), each an <see cref="ImportError"/> on the line it concerns.
/// </summary>
internal static class ImportChecks
{
    public static void Duplicates(IReadOnlyList<ImportedLot> lots, IReadOnlyList<ImportedFlow> flows, string lotsFile,
        string flowsFile, List<ImportError> errors)
    {
        foreach (var group in lots.GroupBy(l => (l.Portfolio, l.Key)).Where(g => g.Count() > 1))
        {
            var first = group.First().Line;
            errors.AddRange(group.Skip(1).Select(l => new ImportError(lotsFile, l.Line,
                $"duplicate lot of line {first}: same portfolio, symbol, position type, entry date, quantity, entry price, strike and expiration")));
        }
        foreach (var group in flows.GroupBy(f => (f.Portfolio, f.Key)).Where(g => g.Count() > 1))
        {
            var first = group.First().Line;
            errors.AddRange(group.Skip(1).Select(f => new ImportError(flowsFile, f.Line,
                $"duplicate flow of line {first}: one {f.Type} per portfolio and date (add the amounts up)")));
        }
    }

    public static void Owners(IReadOnlyList<ImportedLot> lots, string lotsFile, List<ImportError> errors)
    {
        foreach (var portfolio in lots.GroupBy(l => l.Portfolio))
        {
            var first = portfolio.First();
            errors.AddRange(portfolio.Where(l => l.Owner != first.Owner).Select(l => new ImportError(lotsFile, l.Line,
                $"owner '{l.Owner}' differs from '{first.Owner}' on line {first.Line}: a portfolio has one owner")));
        }
    }

    public static void Symbols(IReadOnlyList<ImportedLot> lots, IReadOnlySet<string> unknown, string provider, string lotsFile,
        List<ImportError> errors) =>
        errors.AddRange(lots.Where(l => l.PricedSymbol is { } s && unknown.Contains(s)).Select(l => new ImportError(lotsFile, l.Line,
            $"unknown symbol {l.PricedSymbol}: no close is stored and the market data provider ({provider}) does not supply it")));

    /// <summary>
    /// Per portfolio: a new one needs lots (they name its owner); flows (stored and imported) must exist when it has
    /// lots, the first a CONTRIBUTION; no imported lot may enter before inception = the first flow's date. Returns
    /// each portfolio's inception after the import.
    /// </summary>
    public static Dictionary<string, DateOnly> Portfolios(StoredBook book, IReadOnlyList<ImportedLot> lots,
        IReadOnlyList<ImportedFlow> flows, string lotsFile, string flowsFile, List<ImportError> errors)
    {
        var inceptions = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var name in lots.Select(l => l.Portfolio).Concat(flows.Select(f => f.Portfolio)).Distinct())
        {
            var fileLots = lots.Where(l => l.Portfolio == name).ToList();
            var fileFlows = flows.Where(f => f.Portfolio == name).ToList();
            var stored = book.Portfolios.GetValueOrDefault(name);
            if (stored is null && fileLots.Count == 0)
            {
                errors.Add(new ImportError(flowsFile, fileFlows[0].Line,
                    $"portfolio '{name}' does not exist and has no row in the lots file, which names its owner"));
                continue;
            }
            var storedFlows = stored is null ? [] : book.Flows[stored.Id].ToList();
            var imported = fileFlows.Select(f => (f.Date, f.Type, Line: (int?)f.Line));
            var all = storedFlows.Where(s => !fileFlows.Any(f => f.Key == (s.ChangeDate, s.ChangeType)))
                .Select(s => (Date: s.ChangeDate, Type: s.ChangeType, Line: (int?)null)).Concat(imported).ToList();
            var firstLotLine = fileLots.Count > 0 ? fileLots.Min(l => l.Line) : (int?)null;
            if (all.Count == 0)
            {
                errors.Add(new ImportError(lotsFile, firstLotLine ?? 1,
                    $"portfolio '{name}' has lots but no capital flow: its starting capital is a CONTRIBUTION on its " +
                    "inception date, in the flows file"));
                continue;
            }
            var inception = all.Min(f => f.Date);
            inceptions[name] = inception;
            var opening = all.Where(f => f.Date == inception).ToList();
            if (opening.All(f => f.Type != EquityChangeTypes.Contribution))
            {
                var line = opening.Select(f => f.Line).FirstOrDefault(l => l is not null);
                errors.Add(new ImportError(line is null ? lotsFile : flowsFile, line ?? firstLotLine ?? 1,
                    $"the first flow of portfolio '{name}' on {inception:yyyy-MM-dd} is a WITHDRAWAL: the starting capital " +
                    "is a CONTRIBUTION on the inception date"));
            }
            errors.AddRange(fileLots.Where(l => l.EntryDate < inception).Select(l => new ImportError(lotsFile, l.Line,
                $"entry_date {l.EntryDate:yyyy-MM-dd} is before the inception of portfolio '{name}' ({inception:yyyy-MM-dd}, the date of its first flow)")));
        }
        return inceptions;
    }
}
