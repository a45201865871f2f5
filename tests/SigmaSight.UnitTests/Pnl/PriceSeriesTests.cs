using SigmaSight.Analytics.Pnl;
using static SigmaSight.UnitTests.Pnl.PnlScenario;

namespace SigmaSight.UnitTests.Pnl;

public class PriceSeriesTests
{
    private static readonly PriceSeries Series = new("AAPL", new Dictionary<DateOnly, decimal>
    {
        [D(3, 5)] = 103m, [D(3, 3)] = 101m, [D(3, 4)] = 102m, [D(3, 7)] = 105m,
    });

    [Fact]
    public void TryGetClose_FindsExactDateOnly_WhenInputUnsorted()
    {
        Series.TryGetClose(D(3, 4), out var close).Should().BeTrue();
        close.Should().Be(102m);
        Series.TryGetClose(D(3, 6), out _).Should().BeFalse();
    }

    [Fact]
    public void LatestOnOrBefore_ReturnsLatestEarlierClose_WhenDateMissing()
    {
        Series.LatestOnOrBefore(D(3, 6)).Should().Be(new DatedClose(D(3, 5), 103m));
        Series.LatestOnOrBefore(D(3, 2)).Should().BeNull();
    }

    [Fact]
    public void LatestCloses_ReturnsConsecutiveClosesEndingOnOrBeforeDate_Ascending()
    {
        Series.LatestCloses(D(3, 6), 2).Should().Equal(102m, 103m);
        Series.LatestCloses(D(3, 6), 10).Should().Equal(101m, 102m, 103m);
        Series.LatestCloses(D(3, 1), 10).Should().BeEmpty();
    }

    [Fact]
    public void Constructor_Throws_WhenCloseIsNotPositive()
    {
        var act = () => new PriceSeries("X", [new(D(3, 3), 0m)]);

        act.Should().Throw<PnlDataException>().WithMessage("*X*2025-03-03*not positive*");
    }

    [Fact]
    public void Constructor_Throws_WhenTwoClosesShareADate()
    {
        var act = () => new PriceSeries("X", [new(D(3, 3), 1m), new(D(3, 3), 2m)]);

        act.Should().Throw<PnlDataException>().WithMessage("*X*two closes on 2025-03-03*");
    }
}
