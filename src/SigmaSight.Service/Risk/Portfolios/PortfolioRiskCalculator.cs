using SigmaSight.Analytics;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Concentration;
using SigmaSight.Analytics.Risk.Exposures;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Analytics.Risk.Sectors;
using SigmaSight.Analytics.Risk.ValueAtRisk;
using SigmaSight.Analytics.Series;

using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>
/// Phase 4's figures for one portfolio and day, family by family (analytics conventions), from positions open at
/// the close of the day. A family that cannot be computed is stored with its status and reason; one that throws is
/// recorded as failed and named, and the job fails after storing the others.
/// </summary>
public sealed partial class PortfolioRiskCalculator(RiskInputs inputs, AnalyticsOptions options, NyseCalendar calendar, double riskFreeRate)
{
    private const int HistoryReturns = 273;
    private readonly RiskFigures _figures = new();
    private readonly decimal _nav = inputs.Snapshot.EquityBalance;
    private readonly List<RiskHolding> _holdings = [.. inputs.Lots.Select(l => l.Holding)];

    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public (RiskFigures Figures, List<string> Failures) Compute(Guid runId)
    {
        var failures = new List<string>();
        var families = new (string Name, Func<(string Status, string? Reason)> Compute)[]
        {
            (RiskFamilies.FactorExposures, FactorExposures),
            (RiskFamilies.Volatility, Volatility),
            (RiskFamilies.Correlations, Correlations),
            (RiskFamilies.Stress, Stress),
            (RiskFamilies.Sector, Sector),
            (RiskFamilies.Concentration, Concentration),
            (RiskFamilies.Options, Options),
            (RiskFamilies.ValueAtRisk, ValueAtRisk),
        };
        foreach (var (name, compute) in families)
        {
            (string Status, string? Reason) outcome;
            try
            {
                outcome = compute();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException or KeyNotFoundException)
            {
                // Stored as failed and rethrown by the job once the other families are written.
                outcome = (AnalyticStatuses.Failed, e.Message);
                failures.Add($"{name}: {e.Message}");
                _failed.Add(name);
            }
            _figures.Families.Add(new AnalyticResult
            {
                PortfolioId = inputs.PortfolioId, AsOf = inputs.AsOf, Family = name, Status = outcome.Status,
                Reason = outcome.Reason, RunId = runId,
            });
        }
        return (_figures, failures);
    }

    private static (string, string?) Present() => (AnalyticStatuses.Present, null);

    private static (string, string?) Of<T>(RiskOutcome<T> outcome) where T : class => outcome.Status switch
    {
        RiskStatus.Present => Present(),
        RiskStatus.NotApplicable => (AnalyticStatuses.NotApplicable, outcome.Reason),
        _ => (AnalyticStatuses.InsufficientHistory, outcome.Reason),
    };

    /// <summary>Simple (or log) returns of the held risk symbols, aligned on the days all have closes.</summary>
    private Dictionary<string, double[]> Returns(IReadOnlyList<string> symbols, int maxReturns, ReturnKind kind = ReturnKind.Simple)
    {
        var missing = symbols.Where(s => !inputs.Closes.ContainsKey(s)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"no closes for {string.Join(", ", missing)} up to {inputs.AsOf:yyyy-MM-dd}");
        var aligned = ReturnAlignment.Align([.. symbols.Select(s => inputs.Closes[s])], inputs.AsOf, maxReturns, kind);
        return symbols.Select((s, i) => (s, aligned.ReturnsOf(i).ToArray())).ToDictionary(x => x.s, x => x.Item2, StringComparer.Ordinal);
    }

    private List<string> RiskSymbols() =>
        [.. _holdings.Where(h => h.Kind != HoldingKind.Private).Select(h => h.RiskSymbol!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private (string, string?) Concentration()
    {
        var outcome = ConcentrationCalculator.Compute(_holdings);
        if (outcome.Value is { } c)
            _figures.SnapshotColumns.Add(s =>
            {
                s.Hhi = c.Hhi;
                s.EffectiveNumPositions = c.EffectiveNumberOfPositions;
                s.Top3Concentration = c.Top3Share;
                s.Top10Concentration = c.Top10Share;
            });
        return Of(outcome);
    }

    private (string, string?) Sector()
    {
        var outcome = SectorExposureCalculator.Compute(_holdings, _nav, inputs.BenchmarkWeights);
        if (outcome.Value is { } breakdown)
        {
            var values = _holdings.GroupBy(h => SectorOf(h)).ToDictionary(g => g.Key, g => g.Sum(h => h.MarketValue));
            _figures.Sectors.AddRange(breakdown.Sectors.Select(w => new PortfolioSectorExposure
            {
                PortfolioId = inputs.PortfolioId, AsOf = inputs.AsOf, Sector = w.Sector, NetWeight = w.NetWeight,
                GrossWeight = w.GrossWeight, BenchmarkWeight = w.BenchmarkWeight, MarketValue = values.GetValueOrDefault(w.Sector),
            }));
        }
        return Of(outcome);
    }

    private static string SectorOf(RiskHolding h) => h.Kind switch
    {
        HoldingKind.Etf => SectorBuckets.Etf,
        HoldingKind.Option => SectorBuckets.Options,
        HoldingKind.Private => SectorBuckets.Private,
        _ => h.Sector ?? SectorBuckets.Unclassified,
    };

    private (string, string?) ValueAtRisk()
    {
        var symbols = RiskSymbols();
        if (symbols.Count == 0) return (AnalyticStatuses.NotApplicable, "no priced holdings (private assets only)");
        var returns = Returns(symbols, ValueAtRiskCalculator.HistoricalWindow);
        var historical = ValueAtRiskCalculator.Historical(HoldingsSeries.Pnl(_holdings, returns));
        var series = HoldingsSeries.Returns(_holdings, _nav, returns);
        var parametric = series.Value is { } r ? ValueAtRiskCalculator.Parametric(r, _nav) : series.Then(_ => historical);
        _figures.SnapshotColumns.Add(s =>
        {
            s.Var95 = historical.Value?.Var95;
            s.Var99 = historical.Value?.Var99;
            s.Es95 = historical.Value?.Es95;
            s.Es99 = historical.Value?.Es99;
            s.ParametricVar95 = parametric.Value?.Var95;
            s.ParametricVar99 = parametric.Value?.Var99;
            s.ParametricEs95 = parametric.Value?.Es95;
            s.ParametricEs99 = parametric.Value?.Es99;
        });
        return historical.Status != RiskStatus.Present ? Of(historical) : Of(parametric);
    }

    private PositionRisk PositionRisk(HeldLot lot)
    {
        if (_figures.Positions.TryGetValue(lot.Position.Id, out var existing)) return existing;
        var risk = new PositionRisk { PositionId = lot.Position.Id, PortfolioId = inputs.PortfolioId, AsOf = inputs.AsOf, Price = lot.Value.Price };
        _figures.Positions[lot.Position.Id] = risk;
        return risk;
    }
}
