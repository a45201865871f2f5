using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;
using SigmaSight.Service.Risk.Reports;
using SigmaSight.Service.Risk.Symbols;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// Phases 2 and 4 in a real run (issue 6): after the demo backfill every portfolio has every family for the last
/// day — present, or not applicable with its reason — and the rows each family promises.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RiskAnalyticsRunTests : IAsyncLifetime
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";
    private const string PrivateOnly = "Demo Family Office Private Opportunities";
    private BatchTestHost _host = null!;
    private DateOnly _last;
    private Guid _runId;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync();
        await _host.SeedDemoAsync();
        var (inception, last) = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            return (await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate),
                BusinessDate.Resolve(_host.Now, calendar));
        });
        _last = last;
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(inception, last)).RunId);
        _runId = run.Id;
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static Task<List<string>> RowsAsync(string sql) => TestDatabase.RowsAsync(sql);

    [Fact]
    public async Task EveryPortfolio_HasEveryFamily_PresentOrNotApplicable()
    {
        var families = await RowsAsync($"""
            SELECT p.name, r.family, r.status FROM sigmasight.analytic_results r JOIN sigmasight.portfolios p ON p.id = r.portfolio_id
             WHERE r.as_of = '{_last:yyyy-MM-dd}' ORDER BY 1, 2
            """);

        families.Should().HaveCount(5 * 8, "five portfolios, eight families");
        families.Where(r => !r.StartsWith(PrivateOnly, StringComparison.Ordinal))
            .Should().OnlyContain(r => r.EndsWith("|present", StringComparison.Ordinal) || r.EndsWith("|options|not_applicable", StringComparison.Ordinal),
                "public portfolios have every family; options only where an option is held");
        families.Should().Contain($"{HedgeFund}|options|present");
        families.Where(r => r.StartsWith(PrivateOnly, StringComparison.Ordinal))
            .Should().OnlyContain(r => r.EndsWith("|present", StringComparison.Ordinal) || r.EndsWith("|not_applicable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicPortfolios_HaveNineteenStressResults_SectorBenchmarks_VaR_AndGreeksOnEveryOpenOption()
    {
        (await RowsAsync($"SELECT portfolio_id, count(*) FROM sigmasight.stress_results WHERE as_of = '{_last:yyyy-MM-dd}' GROUP BY 1"))
            .Should().HaveCount(4).And.OnlyContain(r => r.EndsWith("|19", StringComparison.Ordinal));
        (await TestDatabase.ScalarAsync<long>($"""
            SELECT count(*) FROM sigmasight.portfolio_sector_exposures
             WHERE as_of = '{_last:yyyy-MM-dd}' AND sector = 'Information Technology' AND benchmark_weight IS NULL
            """)).Should().Be(0, "stock sectors carry the S&P 500 benchmark weight");
        (await TestDatabase.ScalarAsync<long>($"""
            SELECT count(*) FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
             WHERE s.snapshot_date = '{_last:yyyy-MM-dd}' AND p.name <> '{PrivateOnly}'
               AND s.var_95 IS NOT NULL AND s.es_99 IS NOT NULL AND s.parametric_var_95 IS NOT NULL AND s.hhi IS NOT NULL
               AND s.beta_90d IS NOT NULL AND s.realized_vol_21d IS NOT NULL AND s.expected_vol_21d IS NOT NULL
            """)).Should().Be(4);
        var options = await RowsAsync($"""
            SELECT pos.symbol, r.delta IS NOT NULL AND r.gamma IS NOT NULL AND r.theta IS NOT NULL AND r.vega IS NOT NULL
              FROM sigmasight.position_values v JOIN sigmasight.positions pos ON pos.id = v.position_id
              LEFT JOIN sigmasight.position_risk r ON r.position_id = v.position_id AND r.as_of = v.value_date
             WHERE v.value_date = '{_last:yyyy-MM-dd}' AND pos.investment_class = 'OPTIONS'
            """);
        options.Should().NotBeEmpty().And.OnlyContain(r => r.EndsWith("|True", StringComparison.Ordinal), "every open option lot has its greeks");
    }

    /// <summary>
    /// The snapshot-based realised volatility as the run stored it, against PostgreSQL's own <c>stddev_samp</c> of each
    /// portfolio's stored daily returns over its last 21 / 63 snapshots (× √252). The demo's snapshots from its inception
    /// hold fewer than 63 returns: every portfolio (the private-only one too) has its 21-day figure and not yet its
    /// 63-day one, which is null with its reason (never 0); the risk report (the API's and the risk verb's) carries both.
    /// </summary>
    [Fact]
    public async Task SnapshotVolatility_IsStoredFromTheSnapshotsReturns_Once21AreThere_AndIsNullWithItsReasonBefore63()
    {
        var rows = (await RowsAsync($"""
            WITH w AS (
                SELECT portfolio_id, daily_return, row_number() OVER (PARTITION BY portfolio_id ORDER BY snapshot_date DESC) AS k
                  FROM sigmasight.portfolio_snapshots WHERE snapshot_date <= '{_last:yyyy-MM-dd}')
            SELECT p.name, count(w.daily_return) FILTER (WHERE w.k <= 21),
                   (stddev_samp(w.daily_return) FILTER (WHERE w.k <= 21))::float8 * sqrt(252::float8),
                   count(w.daily_return) FILTER (WHERE w.k <= 63),
                   s.snapshot_realized_vol_21d, s.snapshot_realized_vol_63d, s.snapshot_volatility_reason
              FROM w JOIN sigmasight.portfolios p ON p.id = w.portfolio_id
              JOIN sigmasight.portfolio_snapshots s ON s.portfolio_id = w.portfolio_id AND s.snapshot_date = '{_last:yyyy-MM-dd}'
             GROUP BY p.name, s.snapshot_realized_vol_21d, s.snapshot_realized_vol_63d, s.snapshot_volatility_reason ORDER BY 1
            """)).Select(r => r.Split('|')).ToList();

        rows.Should().HaveCount(5, "five portfolios");
        foreach (var r in rows)
        {
            (r[1], r[3]).Should().Be(("21", "60"), $"{r[0]}: 61 snapshots from the demo's inception, 60 of them with a return");
            double.Parse(r[4], CultureInfo.InvariantCulture).Should().BeApproximately(double.Parse(r[2], CultureInfo.InvariantCulture),
                1e-9 * double.Parse(r[2], CultureInfo.InvariantCulture), $"{r[0]}: the 21-day figure is the SD of the stored returns");
            r[5].Should().BeEmpty($"{r[0]} has 60 of 63 returns: no 63-day figure yet, and not 0");
            r[6].Should().Be("insufficient history: 60 of 63 snapshot returns", r[0]);
        }
        var report = await _host.WithScopeAsync(async s => await s.GetRequiredService<RiskReportReader>().ReadAsync(
            await s.GetRequiredService<SigmaSightDbContext>().Portfolios.Where(p => p.Name == HedgeFund).Select(p => p.Id).SingleAsync(),
            _last, CancellationToken.None));
        var stored = rows.Single(r => r[0] == HedgeFund);
        (report!.Summary.SnapshotRealizedVol21d, report.Summary.SnapshotRealizedVol63d, report.Summary.SnapshotVolatilityReason)
            .Should().Be((double.Parse(stored[4], CultureInfo.InvariantCulture), null, stored[6]));
        using var printed = new StringWriter();
        await RiskReportPrinter.PrintAsync(report, printed);
        var percent = (report.Summary.SnapshotRealizedVol21d!.Value * 100).ToString("0.00", CultureInfo.InvariantCulture);
        printed.ToString().Should().Contain($"  vol of the snapshots' returns 21d {percent}%  63d -  (insufficient history: 60 of 63 snapshot returns)");
    }

    [Fact]
    public async Task SymbolFigures_AreComputedOncePerSymbol_NotPerHolding()
    {
        (await RowsAsync($"SELECT symbol, factor, count(*) FROM sigmasight.symbol_factor_exposures WHERE as_of = '{_last:yyyy-MM-dd}' GROUP BY 1, 2 HAVING count(*) > 1"))
            .Should().BeEmpty();
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.symbol_volatility WHERE as_of = '{_last:yyyy-MM-dd}' AND symbol = 'SPY' AND percentile IS NOT NULL"))
            .Should().Be(1, "phase 1 loaded enough history for the percentile (252 + 21 returns)");
    }

    /// <summary>
    /// Phase 2's rows as written (arrays in one batch): every column of every symbol's row equals what the kernels give
    /// for the same closes, nulls and reasons included, so no column is swapped or dropped on the way to the database.
    /// </summary>
    [Fact]
    public async Task SymbolFigures_AreStoredExactlyAsTheKernelsComputeThem()
    {
        var (expected, stored) = await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var settings = s.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var dates = AnalyticsDates.Of(await db.BatchRuns.SingleAsync(r => r.Id == _runId), calendar);
            var factors = await db.FactorDefinitions.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.DisplayOrder).ToListAsync();
            var exposures = await db.SymbolFactorExposures.AsNoTracking().Where(e => e.AsOf == _last).ToListAsync();
            var volatility = await db.SymbolVolatilities.AsNoTracking().Where(v => v.AsOf == _last).ToListAsync();
            var symbols = volatility.Select(v => v.Symbol).ToList();
            var (closes, _) = await CloseHistory.ForSymbolAnalyticsAsync(db, symbols, factors, settings, calendar, dates, CancellationToken.None);
            var figures = new SymbolFigures(factors, settings);
            var computed = symbols.Select(symbol => figures.Compute(symbol, closes, _last)).ToList();
            return (Lines(computed.SelectMany(c => c.Exposures), computed.Select(c => c.Volatility)), Lines(exposures, volatility));
        });

        stored.Should().HaveCount(expected.Count)
            .And.HaveCountGreaterThan(12 * 30, "twelve exposure rows and a volatility row for each of the demo's symbols, dozens of them");
        stored.Should().BeEquivalentTo(expected);
    }

    private static List<string> Lines(IEnumerable<SymbolFactorExposure> exposures, IEnumerable<SymbolVolatility> volatility) =>
    [
        .. exposures.Select(e => string.Join('|', e.Symbol, e.Factor, e.AsOf, R(e.Beta), R(e.Alpha), R(e.RSquared), R(e.StdError),
            e.Observations, e.Method, e.WindowDays, e.Clipped, e.Reason)),
        .. volatility.Select(v => string.Join('|', v.Symbol, v.AsOf, R(v.RealizedVol21d), R(v.RealizedVol63d), R(v.ExpectedVol21d),
            v.Trend, R(v.TrendSlope), R(v.TrendRSquared), R(v.Percentile), v.Observations, v.Reason)),
    ];

    private static string R(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
