using SigmaSight.Service.Hosting;

namespace SigmaSight.UnitTests.Hosting;

/// <summary>The work server's default worker count: 4 a core, at least 8 (a 2-core host), at most 20 (connections).</summary>
public sealed class WorkerCountTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 8)]
    [InlineData(3, 12)]
    [InlineData(4, 16)]
    [InlineData(5, 20)]
    [InlineData(64, 20)]
    public void DefaultWorkerCount_IsFourACoreWithinEightToTwenty(int cores, int workers) =>
        HangfireHostOptions.DefaultWorkerCount(cores).Should().Be(workers);

    [Fact]
    public void WorkerCount_DefaultsToTheCountForThisHost() =>
        new HangfireHostOptions().WorkerCount.Should().Be(HangfireHostOptions.DefaultWorkerCount(Environment.ProcessorCount));
}
