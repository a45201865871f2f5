using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

public class PercentilesTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(90, 9)]
    [InlineData(95, 10)]
    [InlineData(99, 10)]
    [InlineData(100, 10)]
    [InlineData(10, 1)]
    [InlineData(0.1, 1)]
    public void Of_IsTheNearestRank(double percent, double expected)
    {
        double[] values = [7, 3, 10, 1, 9, 2, 8, 4, 6, 5];

        Percentiles.Of(values, percent).Should().Be(expected);
    }

    [Fact]
    public void Of_OneValue_IsThatValueForEveryPercentile()
    {
        Percentiles.Of([42.5], 1).Should().Be(42.5);
        Percentiles.Of([42.5], 99).Should().Be(42.5);
    }

    [Fact]
    public void Of_TheP99Of1000Values_IsThe990th()
    {
        var values = Enumerable.Range(1, 1000).Select(i => (double)i).Reverse().ToList();

        Percentiles.Of(values, 99).Should().Be(990);
        Percentiles.Of(values, 50).Should().Be(500);
    }

    [Fact]
    public void Of_RefusesNoValuesAndAPercentOutside0To100()
    {
        ((Action)(() => Percentiles.Of([], 50))).Should().Throw<ArgumentException>().WithMessage("*no values*");
        ((Action)(() => Percentiles.Of([1], 0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => Percentiles.Of([1], 101))).Should().Throw<ArgumentOutOfRangeException>();
    }
}
