using SigmaSight.Analytics.Series;

namespace SigmaSight.UnitTests.Series;

public class DatedClosesTests
{
    private static readonly DateOnly Monday = new(2024, 3, 4);

    [Fact]
    public void Constructor_KeepsDatesAndCloses_InOrder()
    {
        var series = new DatedCloses("IBM", [Monday, Monday.AddDays(1)], [100.0, 101.5]);

        series.Name.Should().Be("IBM");
        series.Count.Should().Be(2);
        series.Dates.ToArray().Should().Equal(Monday, Monday.AddDays(1));
        series.Closes.ToArray().Should().Equal(100.0, 101.5);
    }

    [Fact]
    public void Constructor_CopiesItsInputs_SoLaterChangesDoNotLeakIn()
    {
        double[] closes = [100.0, 101.0];
        var series = new DatedCloses("IBM", [Monday, Monday.AddDays(1)], closes);

        closes[1] = 999.0;

        series.Closes[1].Should().Be(101.0);
    }

    [Fact]
    public void Constructor_Throws_NamingTheDate_WhenDatesAreNotAscending()
    {
        var act = () => new DatedCloses("IBM", [Monday, Monday.AddDays(2), Monday.AddDays(1)], [1.0, 2.0, 3.0]);

        act.Should().Throw<ArgumentException>()
            .WithMessage("closes of IBM: 2024-03-05 follows 2024-03-06; dates must be ascending and unique*");
    }

    [Fact]
    public void Constructor_Throws_NamingTheDate_WhenADateRepeats()
    {
        var act = () => new DatedCloses("IBM", [Monday, Monday], [1.0, 2.0]);

        act.Should().Throw<ArgumentException>().WithMessage("closes of IBM: 2024-03-04 follows 2024-03-04*");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Constructor_Throws_NamingTheDate_WhenACloseIsNotPositiveFinite(double close, string shown)
    {
        var act = () => new DatedCloses("KO", [Monday, Monday.AddDays(1)], [10.0, close]);

        act.Should().Throw<ArgumentException>()
            .WithMessage($"closes of KO: the close on 2024-03-05 is {shown}, not a positive finite number*");
    }

    [Fact]
    public void Constructor_Throws_WhenLengthsDiffer()
    {
        var act = () => new DatedCloses("KO", [Monday], [10.0, 11.0]);

        act.Should().Throw<ArgumentException>().WithMessage("closes of KO: 1 dates but 2 closes*");
    }

    [Fact]
    public void FromDecimals_ConvertsTheStoredCloses()
    {
        var series = DatedCloses.FromDecimals("KO", [Monday, Monday.AddDays(1)], [62.125m, 62.5m]);

        series.Closes.ToArray().Should().Equal(62.125, 62.5);
    }

    [Fact]
    public void Constructor_AcceptsAnEmptySeries()
    {
        var series = new DatedCloses("NEW", [], []);

        series.Count.Should().Be(0);
        series.ToString().Should().Be("NEW: no closes");
    }
}
