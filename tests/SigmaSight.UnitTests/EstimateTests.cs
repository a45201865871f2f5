using SigmaSight.Analytics;

namespace SigmaSight.UnitTests;

public class EstimateTests
{
    [Fact]
    public void Of_HoldsTheFigure_AndNoReason()
    {
        var estimate = Estimates.Of(1.25);

        estimate.HasValue.Should().BeTrue();
        estimate.Value.Should().Be(1.25);
        estimate.Reason.Should().BeNull();
        estimate.ValueOrNull().Should().Be(1.25);
    }

    [Fact]
    public void Missing_HoldsTheReason_AndValueThrowsWithIt()
    {
        var estimate = Estimates.Missing<double>(Estimates.InsufficientHistory(17, 30));

        estimate.HasValue.Should().BeFalse();
        estimate.Reason.Should().Be("insufficient history: 17 of 30 observations");
        estimate.ValueOrNull().Should().BeNull();
        estimate.TryGetValue(out _).Should().BeFalse();
        var act = () => estimate.Value;
        act.Should().Throw<InvalidOperationException>().WithMessage("no figure: insufficient history: 17 of 30 observations");
    }

    [Fact]
    public void Default_IsMissing_WithAReason()
    {
        Estimate<double> estimate = default;

        estimate.HasValue.Should().BeFalse();
        estimate.Reason.Should().Be("not computed");
    }

    [Fact]
    public void Missing_Throws_WithoutAReason()
    {
        var act = () => Estimates.Missing<double>(" ");

        act.Should().Throw<ArgumentException>();
    }
}
