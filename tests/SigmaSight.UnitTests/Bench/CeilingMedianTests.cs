using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

/// <summary>The bench compares against the median burst, so one slow or fast burst does not decide the share.</summary>
public sealed class CeilingMedianTests
{
    private static CeilingResult Burst(double jobsPerSecond) => new(2_000, 5, 2_000 / jobsPerSecond, jobsPerSecond);

    [Fact]
    public void Median_OfThreeBursts_IsTheMiddleOneWhateverTheOrder() =>
        HangfireCeiling.Median([Burst(204.0), Burst(87.0), Burst(110.8)]).JobsPerSecond.Should().Be(110.8);

    [Fact]
    public void Median_OfAnEvenCount_IsTheLowerMiddleBurst() =>
        HangfireCeiling.Median([Burst(150), Burst(90), Burst(120), Burst(200)]).JobsPerSecond.Should().Be(120);

    [Fact]
    public void Median_OfOneBurst_IsThatBurst() =>
        HangfireCeiling.Median([Burst(133.4)]).JobsPerSecond.Should().Be(133.4);

    [Fact]
    public void Median_OfNoBurst_Throws() =>
        FluentActions.Invoking(() => HangfireCeiling.Median([])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bursts");
}
