using SigmaSight.Analytics.Pnl;
using static SigmaSight.UnitTests.Pnl.PnlScenario;

namespace SigmaSight.UnitTests.Pnl;

/// <summary>Holdings, trades and flows. All scenarios: portfolio Alpha, inception Mon 2025-03-03.</summary>
public partial class DailyPnlCalculatorTests
{
    [Fact]
    public void Calculate_DailyPnlIsSumOfQuantityTimesPriceMove_WhenNoTrades()
    {
        // +10,000 on 3/3; AAPL 10 @ 100 and MSFT 4 @ 250 bought 3/3 → cash = 10,000 − 1,000 − 1,000 = 8,000 every day.
        // AAPL 101, 103, 102, 102.50; MSFT 250, 248, 251, 251.25 (Mon–Thu).
        // 3/3: NAV = 8,000 + 1,010 + 1,000 = 10,010; pnl = 10,010 − 0 − 10,000 = 10 (= 10 × (101 − 100) + 4 × 0)
        // 3/4: NAV = 8,000 + 1,030 + 992   = 10,022; pnl = 12 (= 10 × 2 + 4 × −2);   return = 12 / 10,010 = 0.0011988012
        // 3/5: NAV = 8,000 + 1,020 + 1,004 = 10,024; pnl = 2  (= 10 × −1 + 4 × 3);   return = 2 / 10,022  = 0.0001995610
        // 3/6: NAV = 8,000 + 1,025 + 1,005 = 10,030; pnl = 6  (= 10 × 0.5 + 4 × 0.25); return = 6 / 10,024 = 0.0005985634
        // cumulative = 10 + 12 + 2 + 6 = 30 = NAV − contributions.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m)
            .Closes("AAPL", D(3, 3), 101m, 103m, 102m, 102.50m)
            .Closes("MSFT", D(3, 3), 250m, 248m, 251m, 251.25m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));
        s.Lot("MSFT", 4m, 250m, D(3, 3));

        var days = s.Run(D(3, 6));

        days.Select(r => r.Nav).Should().Equal(10_010m, 10_022m, 10_024m, 10_030m);
        days.Select(r => r.DailyPnl).Should().Equal(10m, 12m, 2m, 6m);
        days.Select(r => r.CumulativePnl).Should().Equal(10m, 22m, 24m, 30m);
        days.Select(r => r.DailyReturn).Should().Equal(null, 0.0011988012m, 0.0001995610m, 0.0005985634m);
        days.Should().AllSatisfy(r =>
        {
            r.Cash.Should().Be(8_000m);
            r.DailyRealizedPnl.Should().Be(0m);
            r.CumulativeCapitalFlow.Should().Be(10_000m);
            r.NumPositions.Should().Be(2);
            r.NumLongPositions.Should().Be(2);
        });
        days[^1].OpenLots.Select(l => l.UnrealizedPnl).Should().Equal(25m, 5m);
        days[^1].LongValue.Should().Be(2_030m);
        days[^1].GrossExposure.Should().Be(2_030m);
    }

    [Fact]
    public void Calculate_PnlIsMoveFromEntryToCloseAndReturnIsNull_OnInceptionDay()
    {
        // AAPL 10 @ 100 closes 101 (+10); MSFT 5 @ 200 closes 199 (−5). NAV = 10,000 − 2,000 + 1,010 + 995 = 10,005;
        // pnl = NAV − contribution = 5; no previous NAV → return null, note "inception".
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Close("AAPL", D(3, 3), 101m).Close("MSFT", D(3, 3), 199m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));
        s.Lot("MSFT", 5m, 200m, D(3, 3));

        var r = s.Calculate(D(3, 3), previous: null);

        r.Nav.Should().Be(10_005m);
        r.DailyPnl.Should().Be(5m);
        r.CumulativePnl.Should().Be(5m);
        r.DailyCapitalFlow.Should().Be(10_000m);
        r.DailyReturn.Should().BeNull();
        r.DailyReturnNote.Should().Be(DailyPnlCalculator.InceptionNote).And.Be("inception");
    }

    [Fact]
    public void Calculate_CashPaysCostAndNoPnl_WhenLotEnteredAfterInceptionAtTheClose()
    {
        // AAPL 10 @ 100 from 3/3, closes 101, 103, 102, 102.50. NVDA 5 bought 3/5 @ 120 = its 3/5 close; 3/6 close 122.
        // 3/5: cash = 9,000 − 600 = 8,400; NAV = 8,400 + 1,020 + 600 = 10,020; pnl = 10,020 − 10,030 = −10 (AAPL only).
        // 3/6: NAV = 8,400 + 1,025 + 610 = 10,035; pnl = 15 (= 10 × 0.5 + 5 × 2).
        var s = new PnlScenario().Flow(D(3, 3), 10_000m)
            .Closes("AAPL", D(3, 3), 101m, 103m, 102m, 102.50m).Closes("NVDA", D(3, 5), 120m, 122m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));
        s.Lot("NVDA", 5m, 120m, D(3, 5));

        var days = s.Run(D(3, 6));

        days.Select(r => r.Cash).Should().Equal(9_000m, 9_000m, 8_400m, 8_400m);
        days.Select(r => r.DailyPnl).Should().Equal(10m, 20m, -10m, 15m);
        days.Select(r => r.NumPositions).Should().Equal(1, 1, 2, 2);
        days[2].OpenLots[1].UnrealizedPnl.Should().Be(0m);
    }

    [Fact]
    public void Calculate_ReportsRealizedBesideDailyPnl_WhenLotIsExited()
    {
        // AAPL 10 @ 100 from 3/3, closes 101 (3/3), 103 (3/4); sold 3/5 @ 105 (no 3/5 close needed: not open at the close).
        // 3/5: cash = 9,000 + 1,050 = 10,050 = NAV; pnl = 10,050 − 10,030 = 20 = 10 × (105 − 103) (close-to-exit move);
        //      realized = (105 − 100) × 10 = 50, reported beside pnl, not added. Cumulative pnl = 10 + 20 + 20 = 50.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Closes("AAPL", D(3, 3), 101m, 103m);
        s.Lot("AAPL", 10m, 100m, D(3, 3), exitPrice: 105m, exitDate: D(3, 5));

        var r = s.On(D(3, 5));

        r.Cash.Should().Be(10_050m);
        r.Nav.Should().Be(10_050m);
        r.DailyPnl.Should().Be(20m);
        r.DailyRealizedPnl.Should().Be(50m);
        r.CumulativeRealizedPnl.Should().Be(50m);
        r.CumulativePnl.Should().Be(50m);
        r.NumPositions.Should().Be(0);
        r.OpenLots.Should().BeEmpty();
    }

    [Fact]
    public void Calculate_ShortGainsWhenPriceFalls_ForShortPosition()
    {
        // TSLA −10 @ 50 on 3/3: cash = 10,000 + 500 = 10,500. Close 48: MV = −480, NAV = 10,020, pnl = +20,
        // unrealized = −480 − (−500) = 20. 3/4 close 51: MV = −510, NAV = 9,990, pnl = −30.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Closes("TSLA", D(3, 3), 48m, 51m);
        s.Lot("TSLA", -10m, 50m, D(3, 3));

        var days = s.Run(D(3, 4));

        days[0].Cash.Should().Be(10_500m);
        days[0].DailyPnl.Should().Be(20m);
        days[0].OpenLots.Single().UnrealizedPnl.Should().Be(20m);
        days[0].Should().BeEquivalentTo(new
        {
            LongValue = 0m, ShortValue = -480m, GrossExposure = 480m, NetExposure = -480m,
            NumPositions = 1, NumLongPositions = 0, NumShortPositions = 1,
        });
        days[1].DailyPnl.Should().Be(-30m);
    }

    [Fact]
    public void Calculate_DailyPnlExcludesFlows_WhenCapitalIsAddedAndWithdrawn()
    {
        // AAPL 10 @ 100 from 3/3, closes 101, 103, 102. Flows: +10,000 (3/3), +5,000 (3/4), −2,000 (3/5).
        // 3/4: NAV = 14,000 + 1,030 = 15,030; pnl = 15,030 − 10,010 − 5,000 = 20; return = 20 / 10,010 = 0.0019980020.
        // 3/5: NAV = 12,000 + 1,020 = 13,020; pnl = 13,020 − 15,030 − (−2,000) = −10; return = −10 / 15,030 = −0.0006653360.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Flow(D(3, 4), 5_000m).Flow(D(3, 5), -2_000m)
            .Closes("AAPL", D(3, 3), 101m, 103m, 102m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));

        var days = s.Run(D(3, 5));

        days.Select(r => r.Nav).Should().Equal(10_010m, 15_030m, 13_020m);
        days.Select(r => r.DailyPnl).Should().Equal(10m, 20m, -10m);
        days.Select(r => r.DailyCapitalFlow).Should().Equal(10_000m, 5_000m, -2_000m);
        days.Select(r => r.CumulativeCapitalFlow).Should().Equal(10_000m, 15_000m, 13_000m);
        days.Select(r => r.DailyReturn).Should().Equal(null, 0.0019980020m, -0.0006653360m);
    }

    [Fact]
    public void Calculate_BooksRevaluationChangeAsPnlOnItsDate_ForPrivateAsset()
    {
        // PRIV 100 units @ 10 from 3/3 (cash 9,000): MV 1,000 at entry price until revalued.
        // Valuation 12 on Wed 3/5 → MV 1,200, pnl +200 on 3/5. Valuation 11 on Sat 3/8 → booked Mon 3/10, pnl −100.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m);
        var lot = s.Lot("PRIV", 100m, 10m, D(3, 3), @class: InvestmentClass.Private);
        s.Valuations.Add(new PrivateValuation(lot.Id, D(3, 5), 12m));
        s.Valuations.Add(new PrivateValuation(lot.Id, D(3, 8), 11m));

        var days = s.Run(D(3, 10));

        days.Select(r => r.DailyPnl).Should().Equal(0m, 0m, 200m, 0m, 0m, -100m);
        days[1].OpenLots.Single().Should().BeEquivalentTo(new { Price = 10m, PriceDate = D(3, 3), MarketValue = 1_000m });
        days[2].OpenLots.Single().Should().BeEquivalentTo(new { Price = 12m, PriceDate = D(3, 5), UnrealizedPnl = 200m, IsStale = false });
        days[^1].Nav.Should().Be(10_100m);
    }
}
