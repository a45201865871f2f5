using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

/// <summary>
/// The bench prints the core time of a phase-3/4 item against a no-op job's, which is what decides the share of the
/// ceiling on a machine whose cores are busy (session 30: 13.0–13.8 ms against about 8).
/// </summary>
public sealed class CoreTimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);

    private static CoreSample Sample(double seconds, double? busy, double? idle, double process) => new(T0.AddSeconds(seconds), busy, idle, process);

    [Fact]
    public void ProcStat_CpuLine_GivesBusyAndIdleSeconds_WithoutSteal()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice, in hundredths of a second.
        var parsed = CoreSample.ParseProcStat("cpu  6467080 43261 2164319 4658391 11717 0 235453 777 0 0");

        parsed.Should().NotBeNull();
        parsed!.Value.Busy.Should().BeApproximately((6467080 + 43261 + 2164319 + 235453) / 100.0, 1e-9);
        parsed.Value.Idle.Should().BeApproximately((4658391 + 11717) / 100.0, 1e-9);
    }

    [Theory]
    [InlineData("cpu0 3233540 21630 1082159 2329195 5858 0 117726 0 0 0")]
    [InlineData("cpu  1 2 3")]
    [InlineData("intr 123 4 5 6 7 8 9 10")]
    public void ProcStat_AnotherLine_IsNotRead(string line) => CoreSample.ParseProcStat(line).Should().BeNull();

    [Fact]
    public void CoreTime_IsMillisecondsAJob_AndTheBusyShareOfTheWindow()
    {
        var time = CoreTime.Of(Sample(0, 100, 50, 10), Sample(10, 119.6, 50.4, 17.5), 1_000);

        time.WallSeconds.Should().Be(10);
        time.MachineMsPerJob!.Value.Should().BeApproximately(19.6, 1e-9);
        time.ProcessMsPerJob.Should().BeApproximately(7.5, 1e-9);
        time.MachineBusyShare!.Value.Should().BeApproximately(19.6 / 20.0, 1e-12);
    }

    [Fact]
    public void CoreTime_WithoutTheMachinesFigures_HasOnlyTheProcesss()
    {
        var time = CoreTime.Of(Sample(0, null, null, 10), Sample(10, null, null, 12), 100);

        (time.MachineMsPerJob, time.MachineBusyShare).Should().Be((null, null));
        time.ProcessMsPerJob.Should().BeApproximately(20, 1e-9);
    }

    [Fact]
    public void Between_InterpolatesEachFigureLinearly()
    {
        var at = CoreSample.Between(Sample(0, 100, 50, 10), Sample(4, 108, 50, 14), T0.AddSeconds(1));

        (at.At, at.MachineBusySeconds, at.MachineIdleSeconds, at.ProcessSeconds).Should().Be((T0.AddSeconds(1), 102.0, 50.0, 11.0));
    }

    [Fact]
    public void Ratio_IsTheMachinesWhereRead_ElseTheProcesss_AndNoneWithoutPhases34()
    {
        var noOp = new CoreTime(6_000, 30, 8.0, 3.0, 0.99);
        new CoreTimes(noOp, new CoreTime(2_000, 13, 13.2, 5.4, 0.99)).Ratio!.Value.Should().BeApproximately(1.65, 1e-12);
        new CoreTimes(noOp with { MachineMsPerJob = null }, new CoreTime(2_000, 13, null, 5.4, null)).Ratio!.Value.Should().BeApproximately(1.8, 1e-12);
        new CoreTimes(noOp, null).Ratio.Should().BeNull();
    }

    [Fact]
    public void Printed_AsOneLine()
    {
        var noOp = new CoreTime(6_000, 30, 8.04, 3.06, 0.98);
        BenchPrinter.CoreLine(new CoreTimes(noOp, new CoreTime(2_000, 13, 13.4, 5.44, 0.993))).Should().Be(
            "  core time: 13.4 ms a phase-3/4 item (this process 5.4 ms), 8.0 ms a no-op job (this process 3.1 ms): 1.67 ×; the machine 99 % and 98 % busy");
        BenchPrinter.CoreLine(new CoreTimes(noOp with { MachineMsPerJob = null, MachineBusyShare = null }, null)).Should().Be(
            "  core time of this process: 3.1 ms a no-op job");
    }

    [Fact]
    public async Task Recorder_ReadsAWindowBetweenItsSamples_AndNothingBeforeItsFirst()
    {
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        await using var recorder = CoreTimeRecorder.Start(TimeProvider.System, TimeSpan.FromMilliseconds(10));
        var started = TimeProvider.System.GetUtcNow();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 50) Thread.SpinWait(1_000);

        recorder.At(before).Should().BeNull("no sample was taken before the recorder started");
        var first = recorder.At(started)!.Value;
        var later = recorder.At(TimeProvider.System.GetUtcNow())!.Value;
        (later.ProcessSeconds - first.ProcessSeconds).Should().BePositive("the spin used this process's CPU between the two");
        if (OperatingSystem.IsLinux()) (later.MachineBusySeconds - first.MachineBusySeconds).Should().BePositive();
    }
}
