using SigmaSight.Analytics.Pnl;
using static SigmaSight.UnitTests.Pnl.PnlScenario;

namespace SigmaSight.UnitTests.Pnl;

/// <summary>Ordering and data validation.</summary>
public partial class DailyPnlCalculatorTests
{
    [Theory]
    [InlineData(3, 3)]   // two trading days behind
    [InlineData(3, 5)]   // the day itself (already computed)
    public void Calculate_ThrowsOutOfOrder_WhenPreviousSnapshotIsNotPreviousTradingDay(int month, int day)
    {
        var s = new PnlScenario().Flow(D(3, 3), 10_000m);

        var act = () => s.Calculate(D(3, 5), new PreviousSnapshot(D(month, day), 10_000m, 0m, 0m, 10_000m));

        act.Should().Throw<PnlOrderException>()
            .WithMessage($"out of order: Alpha latest snapshot 2025-{month:00}-{day:00}, expected 2025-03-04");
    }

    [Fact]
    public void Calculate_ThrowsMissingSnapshot_WhenPreviousIsNullAfterInception()
    {
        var s = new PnlScenario().Flow(D(3, 3), 10_000m);

        var act = () => s.Calculate(D(3, 5), previous: null);

        act.Should().Throw<PnlDataException>().WithMessage("missing snapshot for Alpha on 2025-03-04")
            .Which.Should().NotBeOfType<PnlOrderException>();
    }

    [Fact]
    public void Calculate_Throws_WhenDateIsBeforeInception()
    {
        var s = new PnlScenario().Flow(D(3, 3), 10_000m);

        var act = () => s.Calculate(D(2, 28), previous: null);

        act.Should().Throw<PnlDataException>().WithMessage("*Alpha*2025-02-28*before its inception date 2025-03-03*");
    }

    [Fact]
    public void Calculate_TreatsFirstTradingDayAsInception_WhenInceptionIsOnAWeekend()
    {
        // Inception Sat 3/1 with the contribution dated that day: Mon 3/3 is the first snapshot, no previous needed.
        var s = new PnlScenario { Inception = D(3, 1) }.Flow(D(3, 1), 10_000m);

        var r = s.Calculate(D(3, 3), previous: null);

        r.Should().BeEquivalentTo(new { Nav = 10_000m, DailyPnl = 0m, DailyCapitalFlow = 10_000m, DailyReturnNote = "inception" });
    }

    [Theory]
    [InlineData("flow", "*capital flow*Alpha*2025-02-28*before inception 2025-03-03*")]
    [InlineData("entry", "*lot AAPL*Alpha*entry date 2025-02-28 is before inception 2025-03-03*")]
    [InlineData("valuation", "*private valuation*Alpha*2025-02-28 is before inception 2025-03-03*")]
    public void Calculate_RejectsEvent_WhenDatedBeforeInception(string kind, string message)
    {
        var s = new PnlScenario().Flow(D(3, 3), 10_000m).Close("AAPL", D(3, 3), 100m);
        var lot = s.Lot("AAPL", 1m, 100m, kind == "entry" ? D(2, 28) : D(3, 3));
        if (kind == "flow") s.Flow(D(2, 28), 5m);
        if (kind == "valuation") s.Valuations.Add(new PrivateValuation(lot.Id, D(2, 28), 1m));

        var act = () => s.Calculate(D(3, 3), previous: null);

        act.Should().Throw<PnlDataException>().WithMessage(message);
    }

    [Theory]
    [InlineData(PositionType.Long, -1)]
    [InlineData(PositionType.Short, 1)]
    [InlineData(PositionType.ShortCall, 1)]
    public void Calculate_RejectsLot_WhenQuantitySignContradictsType(PositionType type, int quantity)
    {
        var s = new PnlScenario().Flow(D(3, 3), 10_000m);
        var @class = type == PositionType.ShortCall ? InvestmentClass.Options : InvestmentClass.Public;
        s.Lots.Add(new Lot(Guid.NewGuid(), "X", type, @class, quantity, 1m, D(3, 3), Underlying: "Y", Strike: 1m, Expiration: D(3, 7)));

        var act = () => s.Calculate(D(3, 3), previous: null);

        act.Should().Throw<PnlDataException>().WithMessage("*invalid lot X*Alpha*wrong sign*");
    }
}
