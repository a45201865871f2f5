using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.UnitTests.Portfolios;

/// <summary>
/// The Private Opportunities book holds private assets only, so its daily returns are its valuations: over a demo
/// window (inception 60 trading days before the last day) its annualised volatility must lie in [3 %, 40 %]. Checked
/// here over many windows without a database (NAV = Σ quantity × latest mark, the P&amp;L model for a book whose cash
/// is 0), the integration test checks the real run.
/// </summary>
public class DemoPrivateVolatilitySweep
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly int Seed = new DemoOptions().Seed;
    private static readonly int[] Percentiles = [0, 1, 5, 10, 25, 50, 75, 90, 99, 100];

    internal static double PrivateBookVolatility(DemoPortfolio portfolio, DateOnly last, int tradingDaysBack = 60)
    {
        var inception = Calendar.AddTradingDays(last, -tradingDaysBack);
        var market = SyntheticMarketDataProvider.Create(Seed, inception, Calendar);
        var days = Calendar.TradingDays(inception, last).ToList();
        var nav = new double[days.Count];
        var slot = 0;
        foreach (var lot in portfolio.Lots)
        {
            var marks = DemoPrivateMarks.Schedule(market, Calendar, Seed, lot.Symbol, slot++, lot.EntryPrice, inception, last);
            for (var i = 0; i < days.Count; i++)
            {
                var mark = marks.LastOrDefault(m => m.Date <= days[i]);
                nav[i] += (double)(lot.Quantity * (mark.Date == default ? lot.EntryPrice : mark.ValuePerUnit));
            }
        }

        var returns = nav.Skip(1).Select((v, i) => (v / nav[i]) - 1).ToArray();
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1) * 252);
    }

    [Fact]
    public void PrivateOpportunities_VolatilityIsWithin3And40Percent_OnEveryLastDayOf2026And2027()
    {
        var portfolio = DemoCatalog.Portfolios.Single(p => p.Name == "Demo Family Office Private Opportunities");
        var results = Calendar.TradingDays(new DateOnly(2026, 1, 2), new DateOnly(2027, 12, 31))
            .Select(d => (Day: d, Volatility: PrivateBookVolatility(portfolio, d))).ToList();

        var sorted = results.Select(r => r.Volatility).Order().ToList();
        var percentiles = (string.Join(" ", Percentiles.Select(p => $"p{p}={sorted[Math.Min(sorted.Count - 1, p * sorted.Count / 100)]:P2}")));
        var (min, max) = DemoCatalog.VolatilityBounds;
        var outside = results.Where(r => r.Volatility < min || r.Volatility > max).ToList();
        outside.Should().BeEmpty("{5}; min {0:P2}, max {1:P2}, {2} of {3} windows outside: {4}", results.Min(r => r.Volatility),
            results.Max(r => r.Volatility), outside.Count, results.Count,
            string.Join(", ", outside.Take(20).Select(o => $"{o.Day:yyyy-MM-dd} {o.Volatility:P2}")), percentiles);
    }
}
