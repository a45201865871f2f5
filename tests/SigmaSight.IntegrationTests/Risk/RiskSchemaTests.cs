using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>The risk entities round-trip through real PostgreSQL: keys, jsonb columns, snake_case names, cascades.</summary>
[Collection(SharedDatabase.Name)]
public sealed class RiskSchemaTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 10, 30);
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync(withServers: false);
        await _host.SeedDemoAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Entities_RoundTripEveryColumn_IncludingJsonb()
    {
        var (portfolio, position) = await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var lot = await db.Positions.OrderBy(p => p.Symbol).FirstAsync(p => p.InvestmentClass == "OPTIONS");
            return (lot.PortfolioId, lot.Id);
        });
        await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            db.SymbolFactorExposures.Add(new SymbolFactorExposure
            {
                Symbol = "AAPL", Factor = FactorCatalog.MarketBeta, AsOf = Day, Beta = 5, Alpha = 1e-4, RSquared = 0.4,
                StdError = 0.1, Observations = 90, Method = FactorMethods.RollingRegression, WindowDays = 90, Clipped = true,
            });
            db.SymbolVolatilities.Add(new SymbolVolatility
            {
                Symbol = "AAPL", AsOf = Day, RealizedVol21d = 0.2, RealizedVol63d = 0.25, Trend = VolatilityTrends.Stable,
                Observations = 70, Reason = "percentile: insufficient history: 70 of 273 returns",
            });
            db.PortfolioFactorExposures.Add(new PortfolioFactorExposure
            {
                PortfolioId = portfolio, Factor = FactorCatalog.Value, AsOf = Day, Exposure = 0.3, ExposureDollar = 1234.56m,
                Coverage = 0.9, MissingSymbols = ["VIX", "ZM"], PrivateSymbols = ["HOME_EQUITY"],
            });
            db.PositionRisks.Add(new PositionRisk { PositionId = position, PortfolioId = portfolio, AsOf = Day, Price = 1.234567m, Delta = -0.4 });
            db.CorrelationResults.Add(new CorrelationResult
            {
                PortfolioId = portfolio, AsOf = Day, WindowDays = 90, OverallCorrelation = 0.5, EffectivePositions = 3.2,
                Observations = 90, PsdAdjusted = true, Symbols = ["AAPL", "MSFT"], Matrix = [[1, 0.5], [0.5, 1]],
            });
            db.StressResults.Add(new StressResult
            {
                PortfolioId = portfolio, ScenarioId = "market_down_5", AsOf = Day, DirectPnl = -100.25m, CorrelatedPnl = -120.5m,
                CorrelationEffect = -20.25m, FactorImpacts = new() { ["Market"] = -100.25m, ["Value"] = -20.25m },
            });
            db.PortfolioSectorExposures.Add(new PortfolioSectorExposure
            {
                PortfolioId = portfolio, AsOf = Day, Sector = "Energy", NetWeight = 0.1, GrossWeight = 0.12, BenchmarkWeight = 0.027944,
                MarketValue = 5000m,
            });
            db.AnalyticResults.Add(new AnalyticResult
            {
                PortfolioId = portfolio, AsOf = Day, Family = "correlations", Status = AnalyticStatuses.InsufficientHistory,
                Reason = "insufficient history: 17 of 30 observations",
            });
            await db.SaveChangesAsync();
            return 0;
        });

        var read = await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            return (await db.CorrelationResults.SingleAsync(), await db.StressResults.SingleAsync(),
                await db.PortfolioFactorExposures.SingleAsync(), await db.SymbolFactorExposures.SingleAsync());
        });
        read.Item1.Matrix.Should().HaveCount(2);
        read.Item1.Matrix[0].Should().Equal(1.0, 0.5);
        read.Item1.Matrix[1].Should().Equal(0.5, 1.0);
        read.Item1.Symbols.Should().Equal("AAPL", "MSFT");
        read.Item2.FactorImpacts.Should().Equal(new Dictionary<string, decimal> { ["Market"] = -100.25m, ["Value"] = -20.25m });
        read.Item3.MissingSymbols.Should().Equal("VIX", "ZM");
        read.Item3.PrivateSymbols.Should().Equal("HOME_EQUITY");
        read.Item1.PsdAdjusted.Should().BeTrue();
        read.Item3.ExposureDollar.Should().Be(1234.56m);
        read.Item4.Clipped.Should().BeTrue();
        (await TestDatabase.ScalarAsync<string>("SELECT matrix -> 0 ->> 1 FROM sigmasight.correlation_results")).Should().Be("0.5");
        (await TestDatabase.ScalarAsync<string>("SELECT missing_symbols ->> 1 FROM sigmasight.portfolio_factor_exposures")).Should().Be("ZM");
        (await TestDatabase.ScalarAsync<decimal>("SELECT price FROM sigmasight.position_risk")).Should().Be(1.234567m);
        (await TestDatabase.ScalarAsync<double>("SELECT realized_vol_21d FROM sigmasight.symbol_volatility")).Should().Be(0.2);

        await TestDatabase.ExecuteAsync($"DELETE FROM sigmasight.portfolios WHERE id = '{portfolio}'");
        (await TestDatabase.ScalarAsync<long>("""
            SELECT (SELECT count(*) FROM sigmasight.portfolio_factor_exposures) + (SELECT count(*) FROM sigmasight.position_risk)
                 + (SELECT count(*) FROM sigmasight.correlation_results) + (SELECT count(*) FROM sigmasight.stress_results)
                 + (SELECT count(*) FROM sigmasight.portfolio_sector_exposures) + (SELECT count(*) FROM sigmasight.analytic_results)
            """)).Should().Be(0, "a portfolio's analytics go with it");
    }

    [Fact]
    public async Task Database_RejectsAnUnknownStatusAndAnUnknownFactor()
    {
        var portfolio = await TestDatabase.ScalarAsync<Guid>("SELECT id FROM sigmasight.portfolios LIMIT 1");

        var status = () => TestDatabase.ExecuteAsync(
            $"INSERT INTO sigmasight.analytic_results (portfolio_id, as_of, family, status) VALUES ('{portfolio}', '2026-10-30', 'var', 'done')");
        var factor = () => TestDatabase.ExecuteAsync("""
            INSERT INTO sigmasight.symbol_factor_exposures (symbol, factor, as_of, observations, method, window_days, clipped)
            VALUES ('AAPL', 'Beta', '2026-10-30', 0, 'x', 90, false)
            """);

        await status.Should().ThrowAsync<Npgsql.PostgresException>().WithMessage("*ck_analytic_results_status*");
        await factor.Should().ThrowAsync<Npgsql.PostgresException>().WithMessage("*fk_symbol_factor_exposures_factor_definitions_factor*");
    }

    [Fact]
    public async Task Snapshots_HaveTheNullableRiskColumns()
    {
        var columns = await TestDatabase.RowsAsync("""
            SELECT column_name || ':' || data_type || ':' || is_nullable FROM information_schema.columns
             WHERE table_schema = 'sigmasight' AND table_name = 'portfolio_snapshots' ORDER BY 1
            """);

        columns.Should().Contain([
            "beta_90d:double precision:YES", "realized_vol_21d:double precision:YES", "realized_vol_63d:double precision:YES",
            "expected_vol_21d:double precision:YES", "volatility_trend:character varying:YES",
            "volatility_percentile:double precision:YES", "var_95:numeric:YES", "var_99:numeric:YES", "es_95:numeric:YES",
            "es_99:numeric:YES", "parametric_var_95:numeric:YES", "parametric_var_99:numeric:YES",
            "parametric_es_95:numeric:YES", "parametric_es_99:numeric:YES", "hhi:double precision:YES",
            "effective_num_positions:double precision:YES", "top_3_concentration:double precision:YES",
            "top_10_concentration:double precision:YES", "snapshot_realized_vol_21d:double precision:YES",
            "snapshot_realized_vol_63d:double precision:YES", "snapshot_volatility_reason:text:YES",
        ]);
    }
}
