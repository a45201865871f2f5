using SigmaSight.Analytics.Options;
using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Correlations;
using SigmaSight.Analytics.Risk.Exposures;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Analytics.Risk.Stress;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Portfolios;
using KernelScenario = SigmaSight.Analytics.Risk.Stress.StressScenario;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>The factor families: exposures, correlations, stress tests and option greeks.</summary>
public sealed partial class PortfolioRiskCalculator
{
    private readonly Dictionary<string, decimal> _dollarExposures = new(StringComparer.Ordinal);

    private (string, string?) FactorExposures()
    {
        var priced = RiskSymbols();
        if (priced.Count == 0) return (AnalyticStatuses.NotApplicable, "no priced holdings (private assets only): no factor betas");
        var withoutFigures = priced.Where(s => !inputs.SymbolExposures.Any(e => e.Symbol == s)).ToList();
        if (withoutFigures.Count > 0)
            throw new InvalidOperationException($"no symbol analytics as of {inputs.AsOf:yyyy-MM-dd} for {string.Join(", ", withoutFigures)} " +
                "(their phase-2 item failed or never ran)");
        var insufficient = new List<string>();
        foreach (var factor in inputs.Factors.Where(f => f.Method != FactorMethods.ProviderData))
        {
            var betas = inputs.SymbolExposures.Where(e => e.Factor == factor.Name && e.Beta is not null)
                .ToDictionary(e => e.Symbol, e => e.Beta!.Value, StringComparer.Ordinal);
            var outcome = FactorExposureCalculator.Aggregate(_holdings, _nav, factor.Name, betas);
            if (outcome.Value is not { } exposure)
            {
                insufficient.Add($"{factor.Name}: {outcome.Reason}");
                continue;
            }
            _dollarExposures[factor.Name] = exposure.DollarExposure;
            _figures.FactorExposures.Add(new PortfolioFactorExposure
            {
                PortfolioId = inputs.PortfolioId, Factor = factor.Name, AsOf = inputs.AsOf, Exposure = exposure.Exposure,
                ExposureDollar = exposure.DollarExposure, Coverage = exposure.Coverage, MissingSymbols = [.. exposure.MissingSymbols],
                PrivateSymbols = [.. exposure.PrivateSymbols],
            });
            if (factor.Name == FactorCatalog.MarketBeta) _figures.SnapshotColumns.Add(s => s.Beta90d = exposure.Exposure);
        }
        foreach (var lot in inputs.Lots.Where(l => l.Holding.RiskSymbol is not null))
            PositionRisk(lot).MarketBeta = inputs.SymbolExposures
                .FirstOrDefault(e => e.Symbol == lot.Holding.RiskSymbol && e.Factor == FactorCatalog.MarketBeta)?.Beta;
        if (_figures.FactorExposures.Count == 0)
            return (AnalyticStatuses.InsufficientHistory, string.Join("; ", insufficient.DefaultIfEmpty("no priced holdings")));
        return insufficient.Count == 0 ? Present() : (AnalyticStatuses.InsufficientHistory, string.Join("; ", insufficient));
    }

    private (string, string?) Correlations()
    {
        var members = CorrelationUniverse.Select(_holdings);
        if (members.Count < 2) return (AnalyticStatuses.NotApplicable, $"{members.Count} symbol(s) of at least 1% of gross exposure: no pair to correlate");
        var returns = Returns([.. members.Select(m => m.Symbol)], CorrelationCalculator.DefaultWindow, ReturnKind.Log);
        var outcome = CorrelationCalculator.Compute(members, returns);
        if (outcome.Value is { } c)
            _figures.Correlations.Add(new CorrelationResult
            {
                PortfolioId = inputs.PortfolioId, AsOf = inputs.AsOf, WindowDays = CorrelationCalculator.DefaultWindow,
                OverallCorrelation = c.OverallCorrelation, EffectivePositions = c.EffectivePositions, Observations = c.Observations,
                PsdAdjusted = c.PsdAdjusted,
                Symbols = [.. c.Symbols], Matrix = [.. c.Matrix.Select(row => row.ToArray())],
            });
        return Of(outcome);
    }

    private (string, string?) Stress()
    {
        if (inputs.Scenarios.Count == 0) return (AnalyticStatuses.NotApplicable, "no active stress scenario");
        if (_failed.Contains(RiskFamilies.FactorExposures))
            throw new InvalidOperationException("the stress tests shock the factor exposures, which failed");
        if (RiskSymbols().Count == 0) return (AnalyticStatuses.NotApplicable, "no priced holdings (private assets only): nothing to shock");
        if (_dollarExposures.Count == 0) return (AnalyticStatuses.InsufficientHistory, "no factor exposure to shock");
        // The model's factors: those mapped to an active factor definition (a deployment may switch factors off, e.g. when
        // its data has no proxy for them). An active scenario that shocks a factor outside the model is a configuration
        // error, never a silently smaller shock.
        var active = inputs.Factors.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var mapping = inputs.Scenarios.SelectMany(s => s.FactorMapping).DistinctBy(m => m.Key)
            .Where(m => active.Contains(m.Value.Exposure)).ToDictionary(m => m.Key, m => m.Value);
        CheckEveryShockModelled(mapping);
        var factors = mapping.Select(m => new StressFactor(m.Key, m.Value.Exposure,
                m.Value.Unit == ScenarioFactor.YieldChangeUnit ? ShockUnit.YieldChange : ShockUnit.Return))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var proxies = factors.ToDictionary(f => f.Name, f => ProxyOf(f), StringComparer.Ordinal);
        var unpriced = proxies.Values.Where(p => !inputs.Closes.ContainsKey(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unpriced.Count > 0)
            return (AnalyticStatuses.InsufficientHistory, $"no closes of the factor proxies {string.Join(", ", unpriced)} up to " +
                $"{inputs.AsOf:yyyy-MM-dd}: the correlated stress needs the covariance of every scenario factor");
        var proxyReturns = Returns([.. proxies.Values.Distinct(StringComparer.Ordinal)], EwmaCovariance.DefaultWindow);
        var covariance = EwmaCovariance.Estimate([.. factors.Select(f => f.Name)],
            proxies.ToDictionary(p => p.Key, p => proxyReturns[p.Value], StringComparer.Ordinal));
        if (covariance.Value is not { } cov) return Of(covariance);
        var model = new StressModel(factors, cov, options.RateProxyDuration);
        foreach (var scenario in inputs.Scenarios)
        {
            var outcome = StressTestCalculator.Run(
                new KernelScenario(scenario.ScenarioId, scenario.Name, scenario.Shocks, scenario.Category, scenario.Severity), model, _dollarExposures);
            if (outcome.Value is not { } result) return Of(outcome);
            _figures.Stress.Add(new StressResult
            {
                PortfolioId = inputs.PortfolioId, ScenarioId = scenario.ScenarioId, AsOf = inputs.AsOf,
                DirectPnl = Math.Round(result.DirectPnl, 2, MidpointRounding.AwayFromZero),
                CorrelatedPnl = Math.Round(result.CorrelatedPnl, 2, MidpointRounding.AwayFromZero),
                CorrelationEffect = Math.Round(result.CorrelationEffect, 2, MidpointRounding.AwayFromZero),
                FactorImpacts = result.Impacts.ToDictionary(i => i.Factor, i => Math.Round(i.Pnl, 2, MidpointRounding.AwayFromZero)),
            });
        }
        return Present();
    }

    private void CheckEveryShockModelled(Dictionary<string, ScenarioFactor> mapping)
    {
        var outside = inputs.Scenarios.SelectMany(s => s.Shocks.Keys.Where(f => !mapping.ContainsKey(f)).Select(f => (Scenario: s, Factor: f)))
            .FirstOrDefault();
        if (outside.Scenario is { } scenario)
            throw new InvalidOperationException($"stress scenario {scenario.ScenarioId} shocks {outside.Factor}, whose factor " +
                $"{scenario.FactorMapping.GetValueOrDefault(outside.Factor)?.Exposure ?? "(none)"} is not active: deactivate the scenario " +
                "or activate the factor");
    }

    private string ProxyOf(StressFactor factor) => factor.Name switch
    {
        _ when factor.Unit == ShockUnit.YieldChange => options.RateProxy,
        _ when factor.ExposureName == FactorCatalog.MarketBeta => options.MarketBenchmark,
        _ => inputs.Factors.FirstOrDefault(f => f.Name == factor.ExposureName)?.EtfProxy
            ?? throw new InvalidOperationException($"stress factor {factor.Name} maps to {factor.ExposureName}, which is no active factor"),
    };

    private (string, string?) Options()
    {
        var options = inputs.Lots.Where(l => l.Holding.Kind == HoldingKind.Option).ToList();
        if (options.Count == 0) return (AnalyticStatuses.NotApplicable, "no option is held");
        foreach (var lot in options)
        {
            var p = lot.Position;
            var underlying = p.UnderlyingSymbol!;
            var spot = RiskInputLoader.LastClose(inputs.Closes, underlying, inputs.AsOf)!.Value;
            var vol = inputs.SymbolVolatility.GetValueOrDefault(underlying)?.RealizedVol63d
                ?? throw new InvalidOperationException($"option {p.Symbol}: its underlying {underlying} has no 63-day volatility as of {inputs.AsOf:yyyy-MM-dd}");
            var years = calendar.CountTradingDays(inputs.AsOf, p.ExpirationDate!.Value) / BlackScholes.TradingDaysPerYear;
            var kind = LotCodes.IsCall(p.PositionType) ? OptionKind.Call : OptionKind.Put;
            var valuation = BlackScholes.Value(kind, (double)spot, (double)p.StrikePrice!.Value, years, riskFreeRate, Math.Max(vol, 0.05));
            var greeks = OptionPositions.Risk(valuation, p.Quantity, spot);
            var risk = PositionRisk(lot);
            (risk.Delta, risk.Gamma, risk.Theta, risk.Vega, risk.DeltaAdjustedExposure) =
                (greeks.Delta, greeks.Gamma, greeks.ThetaPerTradingDay, greeks.VegaPerVolPoint, greeks.DeltaAdjustedExposure);
        }
        return Present();
    }
}
