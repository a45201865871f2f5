using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;

namespace SigmaSight.UnitTests.MarketData;

/// <summary>Issue 8, point 6: a provider's close of zero or less is kept out of the prices and becomes an error finding.</summary>
public class NonPositiveClosesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateOnly Tuesday = new(2026, 11, 3);
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 22, 0, 0, TimeSpan.Zero);
    private static readonly BatchRun Run = new() { Id = Guid.NewGuid(), Scope = "all", RequestedBy = "test", RangeFrom = Monday, RangeTo = Tuesday };

    [Fact]
    public void Split_KeepsPositiveCloses_AndNamesEachNonPositiveOneAsAnError()
    {
        var closes = new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>
        {
            ["AAPL"] = [new(Monday, 0m), new(Tuesday, 201.5m)],
            ["MSFT"] = [new(Monday, -3.25m)],
            ["SPY"] = [new(Monday, 0.000001m)],
        };

        var (usable, findings) = NonPositiveCloses.Split(Run, closes, "vendor", Now);

        usable["AAPL"].Select(c => (c.Key, c.Value)).Should().Equal((Tuesday, 201.5m));
        usable["MSFT"].Should().BeEmpty("the symbol stays in the answer, so its missing day is reported as missing, not unknown");
        usable["SPY"].Should().ContainSingle("the smallest positive close is a close");
        findings.Select(f => (f.Symbol, f.BusinessDate, f.Kind, f.Severity)).Should().Equal(
            ("AAPL", Monday, "non_positive", "error"), ("MSFT", Monday, "non_positive", "error"));
        findings[1].Detail.Should().Be("provider vendor gave MSFT a close of -3.25 on 2026-11-02: a close must be positive; " +
            "not stored, the day counts as missing");
        findings.Should().OnlyContain(f => f.RunId == Run.Id && f.CreatedAt == Now);
    }
}
