using SigmaSight.Analytics.Pnl;
using static SigmaSight.UnitTests.Pnl.PnlScenario;

namespace SigmaSight.UnitTests.Pnl;

/// <summary>Stale and missing prices.</summary>
public partial class DailyPnlCalculatorTests
{
    [Fact]
    public void Calculate_ValuesAtLastCloseAndFlagsStale_WhenCloseMissingWithinWindow()
    {
        // AAPL closes 3/3 101, 3/4 103, none on 3/5 → valued at 103 dated 3/4 (stale), pnl 0 for AAPL.
        // MSFT 1 @ 50 has a fresh close every day (50, 51, 52) → pnl 3/5 = +1; stale count 1 of 2.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Closes("AAPL", D(3, 3), 101m, 103m).Closes("MSFT", D(3, 3), 50m, 51m, 52m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));
        s.Lot("MSFT", 1m, 50m, D(3, 3));

        var r = s.On(D(3, 5));

        r.StalePriceCount.Should().Be(1);
        r.DailyPnl.Should().Be(1m);
        r.OpenLots[0].Should().BeEquivalentTo(new { Symbol = "AAPL", Price = 103m, PriceDate = D(3, 4), IsStale = true, MarketValue = 1_030m });
        r.OpenLots[1].IsStale.Should().BeFalse();
    }

    [Fact]
    public void Calculate_AcceptsCloseExactlyFiveTradingDaysOld_WhenStale()
    {
        // Mon 3/10 minus 5 trading days = Mon 3/3: the 3/3 close is still accepted.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Close("AAPL", D(3, 3), 101m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));

        var r = s.Calculate(D(3, 10), new PreviousSnapshot(D(3, 7), 10_010m, 10m, 0m, 10_000m));

        r.OpenLots.Single().Should().BeEquivalentTo(new { PriceDate = D(3, 3), IsStale = true });
        r.DailyPnl.Should().Be(0m);
    }

    [Fact]
    public void Calculate_ThrowsNamingSymbolAndDate_WhenNoCloseWithinFiveTradingDays()
    {
        // Tue 3/11 minus 5 trading days = Tue 3/4; the only close (3/3) is older → never valued at 0, the day fails.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Close("AAPL", D(3, 3), 101m);
        s.Lot("AAPL", 10m, 100m, D(3, 3));

        var act = () => s.Calculate(D(3, 11), new PreviousSnapshot(D(3, 10), 10_010m, 10m, 0m, 10_000m));

        act.Should().Throw<PnlDataException>()
            .WithMessage("missing price for AAPL on 2025-03-11: no close within 5 trading days*Alpha*")
            .Which.Should().BeEquivalentTo(new { Symbol = "AAPL", Date = (DateOnly?)D(3, 11) });
    }

    [Fact]
    public void Calculate_RoundsMoneyToCentsAwayFromZero_OnlyOnResults()
    {
        // 3 × 33.335 = 100.005 → MV 100.01 (midpoint away from zero). PENNY 1 × 0.0025 twice: each MV rounds to 0.00,
        // but sums use the unrounded values: long value = round2(100.005 + 0.0025 + 0.0025) = 100.01.
        // NAV = round2(10,000 − 3 × 33.335 − 2 × 0.0025 + 100.005 + 0.005) = 10,000.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Close("ABC", D(3, 3), 33.335m).Close("PENNY", D(3, 3), 0.0025m);
        s.Lot("ABC", 3m, 33.335m, D(3, 3));
        s.Lot("PENNY", 1m, 0.0025m, D(3, 3));
        s.Lot("PENNY", 1m, 0.0025m, D(3, 3));

        var r = s.Calculate(D(3, 3), null);

        r.OpenLots[0].MarketValue.Should().Be(100.01m);
        r.LongValue.Should().Be(100.01m);   // round2(100.005 + 0.0025 + 0.0025) = round2(100.01)
        r.Cash.Should().Be(9_899.99m);     // round2(9,899.99) exactly: 10,000 − 100.005 − 0.005
        r.Nav.Should().Be(10_000m);
        r.DailyPnl.Should().Be(0m);
    }
}
