using SigmaSight.Analytics.Options;
using SigmaSight.Analytics.Pnl;
using static SigmaSight.UnitTests.Pnl.PnlScenario;

namespace SigmaSight.UnitTests.Pnl;

/// <summary>
/// Options. SPY closes 100 on the 70 trading days up to 3/3, then 102, 104, 106, 108 (Tue 3/4 – Fri 3/7).
/// Flat history → realised vol 0 → floored to 0.05. At 3/3, T = trading days in (3/3, 3/7] / 252 = 4/252 for a
/// Friday 3/7 or a Saturday 3/8 expiry. BS(call, S=100, K=100, T=4/252, r=0.04, σ=0.05) = 0.2842408040014277, delta
/// 0.5413916094958368 (row 7 of black_scholes_golden.csv), used as the entry price, so inception P&amp;L is 0.
/// </summary>
public partial class DailyPnlCalculatorTests
{
    private const double FourDays = 4 / 252.0;

    private static readonly decimal AtmCallEntry = (decimal)BlackScholes.Value(OptionKind.Call, 100, 100, FourDays, 0.04, 0.05).Price;

    [Fact]
    public void Calculate_ValuesOptionByBlackScholesWithZeroInceptionPnl_WhenEntryIsModelValue()
    {
        // MV = 2 contracts × 0.28424080400143 × 100 = 56.85 = cost → NAV = 10,000, pnl = 0.
        var s = OptionScenario(D(3, 7));

        var r = s.Calculate(D(3, 3), previous: null);

        AtmCallEntry.Should().BeApproximately(0.2842408040m, 1e-10m);
        r.Nav.Should().Be(10_000m);
        r.DailyPnl.Should().Be(0m);
        r.OpenLots.Single().Should().BeEquivalentTo(new { Price = AtmCallEntry, PriceDate = D(3, 3), MarketValue = 56.85m, UnrealizedPnl = 0m });
        r.OpenLots.Single().Delta!.Value.Should().BeApproximately(0.5413916094958368, 1e-9);
    }

    [Fact]
    public void Calculate_UsesFlooredRealizedVolAndRemainingTradingDays_OnDayAfterInception()
    {
        // 3/4: last 63 returns = 62 zeros and +0.02 → sample SD = 0.02 / √63 → annualised 0.02 × √(252/63) = 0.04 → floor 0.05.
        // T = trading days in (3/4, 3/7] / 252 = 3/252. MV = 2 × BS(call, 102, 100, 3/252, 0.04, 0.05) × 100.
        var s = OptionScenario(D(3, 7));
        var expected = (decimal)BlackScholes.Value(OptionKind.Call, 102, 100, 3 / 252.0, 0.04, 0.05).Price;

        var r = s.On(D(3, 4));

        r.OpenLots.Single().Price.Should().Be(expected);
        r.Nav.Should().Be(Math.Round(10_000m - (200m * AtmCallEntry) + (200m * expected), 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Calculate_SettlesAtIntrinsicIntoCash_OnExpiryDay()
    {
        // Fri 3/7, SPY 108: intrinsic 8. cash = 10,000 − 2 × 0.28424080400143 × 100 + 2 × 8 × 100 = 11,543.1518… → 11,543.15.
        // realized = (8 − 0.28424080400143) × 2 × 100 = 1,543.1518… → 1,543.15. Nothing open, so NAV = cash and
        // cumulative pnl = NAV − contributions = 1,543.15 = cumulative realized.
        var s = OptionScenario(D(3, 7));

        var days = s.Run(D(3, 7));

        var friday = days[^1];
        friday.Should().BeEquivalentTo(new
        {
            Cash = 11_543.15m, Nav = 11_543.15m, DailyRealizedPnl = 1_543.15m, CumulativeRealizedPnl = 1_543.15m,
            CumulativePnl = 1_543.15m, NumPositions = 0,
        });
        days[^2].NumPositions.Should().Be(1);
    }

    [Fact]
    public void Calculate_SettlesOnFriday_WhenExpiryIsSaturday()
    {
        // Expiry Sat 3/8 → settle Fri 3/7 (T at 3/3 still 4/252, so the same entry price). Also short 3 puts K=105,
        // entry p = BS(put, 100, 105, 4/252, 0.04, 0.05) (≈ 4.93, deep ITM), worthless at 108:
        // realized on 3/7 = (8 − c) × 2 × 100 + (0 − p) × (−3) × 100.
        var s = OptionScenario(D(3, 8));
        var put = (decimal)BlackScholes.Value(OptionKind.Put, 100, 105, FourDays, 0.04, 0.05).Price;
        s.Option(PositionType.ShortPut, "SPY", 105m, D(3, 8), -3m, put, D(3, 3));

        var days = s.Run(D(3, 7));

        days[0].DailyPnl.Should().Be(0m);
        days[^2].NumPositions.Should().Be(2);
        days[^1].NumPositions.Should().Be(0);
        days[^1].DailyRealizedPnl.Should().Be(Math.Round((1_600m - (200m * AtmCallEntry)) + (300m * put), 2, MidpointRounding.AwayFromZero));
        days[^1].Cash.Should().Be(Math.Round(10_000m - (200m * AtmCallEntry) + (300m * put) + 1_600m, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Calculate_DoesNotSettle_WhenOptionWasExitedBeforeSettleDate()
    {
        // Sold 3/5 @ 4.10: realized 3/5 = (4.10 − c) × 2 × 100; on 3/7 no settlement: cash = 10,000 − 200c + 820.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).FlatHistory("SPY", D(3, 3), 70, 100m).Closes("SPY", D(3, 4), 102m, 104m, 106m, 108m);
        s.Option(PositionType.LongCall, "SPY", 100m, D(3, 7), 2m, AtmCallEntry, D(3, 3), exitPrice: 4.10m, exitDate: D(3, 5));

        var days = s.Run(D(3, 7));

        days[2].DailyRealizedPnl.Should().Be(Math.Round(820m - (200m * AtmCallEntry), 2, MidpointRounding.AwayFromZero));
        days[^1].DailyRealizedPnl.Should().Be(0m);
        days[^1].Cash.Should().Be(Math.Round(10_820m - (200m * AtmCallEntry), 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Calculate_ThrowsNamingOption_WhenUnderlyingHistoryIsShort()
    {
        // 30 closes → 29 returns < 63.
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).FlatHistory("SPY", D(3, 3), 30, 100m);
        var lot = s.Option(PositionType.LongCall, "SPY", 100m, D(3, 7), 2m, 0.28m, D(3, 3));

        var act = () => s.Calculate(D(3, 3), previous: null);

        act.Should().Throw<PnlDataException>()
            .WithMessage($"cannot value option {lot.Symbol} on 2025-03-03: insufficient history: 29 of 63 returns of SPY*")
            .Which.Symbol.Should().Be(lot.Symbol);
    }

    [Fact]
    public void Calculate_ThrowsMissingPrice_WhenSettlementDateHasNoUnderlyingClose()
    {
        // Settled Fri 3/7; SPY's last close is Thu 2/27, older than 3/7 minus 5 trading days (Fri 2/28).
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).FlatHistory("SPY", D(2, 27), 70, 100m);
        s.Option(PositionType.LongCall, "SPY", 100m, D(3, 7), 2m, 0.28m, D(3, 3));

        var act = () => s.Calculate(D(3, 14), new PreviousSnapshot(D(3, 13), 10_000m, 0m, 0m, 10_000m));

        act.Should().Throw<PnlDataException>().WithMessage("missing price for SPY on 2025-03-07: no close within 5 trading days*");
    }

    private static PnlScenario OptionScenario(DateOnly expiration)
    {
        var s = new PnlScenario().Flow(D(3, 3), 10_000m)
            .FlatHistory("SPY", D(3, 3), 70, 100m).Closes("SPY", D(3, 4), 102m, 104m, 106m, 108m);
        s.Option(PositionType.LongCall, "SPY", 100m, expiration, 2m, AtmCallEntry, D(3, 3));
        return s;
    }
}
