using System.Globalization;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Series;
using SigmaSight.Analytics.Volatility;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Risk;
using SigmaSight.Service.Risk.Portfolios;

namespace SigmaSight.UnitTests.Risk;

/// <summary>
/// The snapshot-based realised volatility (conventions, Volatility) against tests/oracles/portfolio_risk_golden.py:
/// buy-and-hold books' stored daily returns (to 10 places, none on the inception day or after a NAV ≤ 0), pandas'
/// std(ddof=1) × √252 over the last 21 / 63 snapshots, or "insufficient history: k of N snapshot returns". Each case
/// goes through the phase-4 calculator as the job feeds it (the last 63 snapshots' returns, as the input batch reads
/// them) and is checked on the parameters of the UPDATE that stores the snapshot's risk columns.
/// </summary>
public class SnapshotVolatilityTests
{
    private static readonly DateOnly D = new(2000, 12, 29);

    public static TheoryData<string> Cases => [.. RiskGolden.Rows("snapshot_volatility_golden.csv").Select(r => r["case"])];

    [Theory]
    [MemberData(nameof(Cases))]
    public void StoredFigures_MatchOracle_ForGoldenCase(string @case)
    {
        var golden = RiskGolden.Rows("snapshot_volatility_golden.csv").Single(r => r["case"] == @case);
        var returns = StoredReturns(@case);
        returns.Should().HaveCount(golden.Integer("snapshots"));

        var stored = Stored(returns.TakeLast(SnapshotVolatility.SnapshotsUsed).ToList());

        foreach (var (window, column) in new[] { (21, "svol21"), (63, "svol63") })
        {
            var figure = stored[column];
            var reason = golden[$"reason_{window}"];
            if (reason.Length == 0)
            {
                figure.Should().BeOfType<double>($"{@case} has {window} returns in its last {window} snapshots");
                ((double)figure).ShouldMatchGolden(golden.Number($"vol_{window}"), $"{@case} {window}-day snapshot volatility");
            }
            else
            {
                figure.Should().Be(DBNull.Value, $"{@case}: {reason} (absent, never 0)");
                ((string)stored["sreason"]).Should().Contain(reason);
            }
        }
        if (golden["reason_21"].Length == 0 && golden["reason_63"].Length == 0) stored["sreason"].Should().Be(DBNull.Value);
    }

    [Fact]
    public void Figures_LookOnlyAtTheLast63Snapshots()
    {
        var returns = StoredReturns("long_only_99_returns");

        var all = SnapshotVolatility.FromDailyReturns(returns);
        var read = SnapshotVolatility.FromDailyReturns(returns.TakeLast(SnapshotVolatility.SnapshotsUsed).ToList());

        returns.Should().HaveCount(100);
        all.Should().Be(read, "the input batch reads the last 63 snapshots only");
    }

    [Fact]
    public void AReturnMissingInsideTheWindow_IsNotSkippedOver()
    {
        // 62 returns before the day, then a snapshot without one (NAV_prev ≤ 0), then the day's: 63 snapshots hold 62 returns.
        var returns = Enumerable.Range(0, 62).Select(i => (double?)(0.001 * (i % 7 - 3))).Append(null).Append(0.002).ToList();

        var figures = SnapshotVolatility.FromDailyReturns(returns);

        figures.Realized21.Reason.Should().Be("insufficient history: 20 of 21 snapshot returns");
        figures.Realized63.Reason.Should().Be("insufficient history: 62 of 63 snapshot returns");
        figures.Reason.Should().Be("insufficient history: 20 of 21 snapshot returns; insufficient history: 62 of 63 snapshot returns");
    }

    [Fact]
    public void NonFiniteReturn_Throws()
    {
        var returns = Enumerable.Repeat((double?)0.01, 20).Append(double.NaN).ToList();

        var act = () => SnapshotVolatility.FromDailyReturns(returns);

        act.Should().Throw<ArgumentException>().WithMessage("*not a finite number*");
    }

    /// <summary>The case's stored daily returns, oldest first, as the loader maps numeric(20,10) to double.</summary>
    private static List<double?> StoredReturns(string @case) =>
    [
        .. RiskGolden.Rows("snapshot_returns.csv").Where(r => r["case"] == @case)
            .Select(r => r["daily_return"].Length == 0 ? (double?)null : (double)decimal.Parse(r["daily_return"], CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// Phase 4 for a portfolio without lots (only the snapshot-based figures have inputs), then the stored columns' parameters.
    /// </summary>
    private static Dictionary<string, object> Stored(List<double?> snapshotReturns)
    {
        var portfolio = Guid.NewGuid();
        var snapshot = new PortfolioSnapshot { Id = Guid.NewGuid(), PortfolioId = portfolio, SnapshotDate = D, EquityBalance = 1_000_000m };
        var inputs = new RiskInputs(portfolio, "golden", D, snapshot, snapshotReturns, [], new Dictionary<string, DatedCloses>(), [],
            new Dictionary<string, SymbolVolatility>(), new Dictionary<string, double>(), [], [], new NyseCalendar());
        var (figures, _) = new PortfolioRiskCalculator(inputs, new AnalyticsOptions(), inputs.Calendar, 0.04).Compute(Guid.NewGuid());
        figures.Families.Single(f => f.Family == RiskFamilies.Volatility).Status.Should().Be(AnalyticStatuses.NotApplicable,
            "without priced holdings the family is not applicable; its snapshot-based figures are stored all the same");

        foreach (var set in figures.SnapshotColumns) set(snapshot);
        var command = RiskRows.SnapshotColumns(snapshot);
        return command.Parameters.ToDictionary(p => p.ParameterName, p => p.Value!, StringComparer.Ordinal);
    }
}
