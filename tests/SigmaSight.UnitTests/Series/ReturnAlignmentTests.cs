using SigmaSight.Analytics.Series;

namespace SigmaSight.UnitTests.Series;

public class ReturnAlignmentTests
{
    private static readonly DateOnly D1 = new(2024, 3, 4);
    private static readonly DateOnly D2 = D1.AddDays(1);
    private static readonly DateOnly D3 = D1.AddDays(2);
    private static readonly DateOnly D4 = D1.AddDays(3);
    private static readonly DateOnly D5 = D1.AddDays(4);

    private static readonly DatedCloses A = new("A", [D1, D2, D3, D4, D5], [100, 110, 121, 110, 99]);
    private static readonly DatedCloses BWithoutD3 = new("B", [D1, D2, D4, D5], [50, 55, 44, 66]);

    [Fact]
    public void Align_NeverPairsATwoDayReturnWithAOneDayReturn_WhenOneSeriesMissesAClose()
    {
        // B has no close on D3, so D3 is dropped for both: the D4 return is D2 → D4 in A (110 → 110) and in B (55 → 44).
        var aligned = ReturnAlignment.Align([A, BWithoutD3], D5, maxReturns: 10);

        aligned.Dates.ToArray().Should().Equal(D2, D4, D5);
        aligned.ReturnsOf(0).ToArray().Should().Equal((110.0 / 100.0) - 1.0, 0.0, (99.0 / 110.0) - 1.0);
        aligned.ReturnsOf(1).ToArray().Should().Equal((55.0 / 50.0) - 1.0, (44.0 / 55.0) - 1.0, 0.5);
    }

    [Fact]
    public void Align_KeepsTheLastMaxReturns_EndingOnOrBeforeAsOf()
    {
        var aligned = ReturnAlignment.Align([A], D4, maxReturns: 2);

        aligned.Dates.ToArray().Should().Equal(D3, D4);
        aligned.ReturnsOf(0).ToArray().Should().Equal((121.0 / 110.0) - 1.0, (110.0 / 121.0) - 1.0);
    }

    [Fact]
    public void Align_UsesTheLatestCloseBeforeAsOf_WhenAsOfIsNotADateOfTheSeries()
    {
        var aligned = ReturnAlignment.Align([BWithoutD3], D3, maxReturns: 10);

        aligned.Dates.ToArray().Should().Equal(D2);
    }

    [Fact]
    public void Align_GivesLogReturns_WhenAsked()
    {
        var aligned = ReturnAlignment.Align([A], D2, maxReturns: 1, ReturnKind.Log);

        aligned.ReturnsOf(0)[0].Should().BeApproximately(0.09531017980432493, 1e-15, "ln(110 / 100)");
    }

    [Fact]
    public void Align_IsEmpty_WhenFewerThanTwoDatesAreShared()
    {
        var onlyD1 = new DatedCloses("C", [D1], [10.0]);

        ReturnAlignment.Align([A, onlyD1], D5, 10).Count.Should().Be(0);
        ReturnAlignment.Align([A], D1.AddDays(-1), 10).Count.Should().Be(0);
        ReturnAlignment.Align([A, new DatedCloses("E", [], [])], D5, 10).Count.Should().Be(0);
    }

    [Fact]
    public void Align_MatchesOnlyCommonDates_AcrossManySeries()
    {
        // 20 series (more than fit on the stack); series i lacks D(2 + i % 3), so only D1 and D5 are common.
        var dates = new[] { D1, D2, D3, D4, D5 };
        var series = Enumerable.Range(0, 20).Select(i =>
        {
            var keep = dates.Where(d => d != dates[1 + (i % 3)]).ToArray();
            return new DatedCloses($"S{i}", keep, [.. keep.Select(d => 100.0 + d.Day + i)]);
        }).ToArray();

        var aligned = ReturnAlignment.Align(series, D5, 10);

        aligned.Dates.ToArray().Should().Equal(D5);
        aligned.SeriesCount.Should().Be(20);
        aligned.ReturnsOf(19)[0].Should().BeApproximately(((100.0 + D5.Day + 19) / (100.0 + D1.Day + 19)) - 1.0, 1e-15);
    }

    [Fact]
    public void ReturnsOf_Throws_ForASeriesOutsideTheAlignment()
    {
        var aligned = ReturnAlignment.Align([A], D5, 10);

        var act = () => aligned.ReturnsOf(1).Length;

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Align_Throws_WhenNoSeriesOrNoReturnsAreAsked()
    {
        var none = () => ReturnAlignment.Align([], D5, 10);
        var zero = () => ReturnAlignment.Align([A], D5, 0);

        none.Should().Throw<ArgumentException>();
        zero.Should().Throw<ArgumentOutOfRangeException>();
    }
}
