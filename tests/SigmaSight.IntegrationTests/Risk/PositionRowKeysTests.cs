using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// Issue 10: a night writes each portfolio's lots of the day to <c>position_values</c> (phase 3) and <c>position_risk</c>
/// (phase 4). Keyed by lot first, one job's rows went to as many places in the index as the book has lots, spread over the
/// whole index, so at 10,000 portfolios each row cost more than at 1,000. Keyed by portfolio and day first, they go to one
/// place. The key to the lot names its portfolio too, so a row for a lot of another portfolio is still refused, and a
/// deleted portfolio's rows still go with its lots.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PositionRowKeysTests : IAsyncLifetime
{
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync(withServers: false);
        await _host.SeedDemoAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheNightsPositionRows_AreIndexedByPortfolioAndDayFirst_OrByTheirOwnTimeOrderedId()
    {
        var indexes = await TestDatabase.RowsAsync("""
            SELECT CASE WHEN i.indisunique THEN 'unique ' ELSE '' END || regexp_replace(pg_get_indexdef(i.indexrelid), '^.* ON sigmasight\.', '')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            WHERE c.relnamespace = 'sigmasight'::regnamespace AND c.relname IN ('position_values', 'position_risk')
            ORDER BY 1
            """);

        // Each unique: a lot has one row a day in each table.
        indexes.Should().Equal(
            "unique position_risk USING btree (portfolio_id, as_of, position_id)",
            "unique position_values USING btree (id)",
            "unique position_values USING btree (portfolio_id, value_date, position_id)");
    }

    [Fact]
    public async Task ARowForALotOfAnotherPortfolio_IsRefused_AndADeletedPortfoliosRowsGoWithItsLots()
    {
        var lot = await TestDatabase.RowsAsync("SELECT id::text || ' ' || portfolio_id::text FROM sigmasight.positions ORDER BY symbol, id LIMIT 1");
        var (position, portfolio) = (lot[0].Split(' ')[0], lot[0].Split(' ')[1]);
        var other = await TestDatabase.ScalarAsync<Guid>($"SELECT id FROM sigmasight.portfolios WHERE id <> '{portfolio}' ORDER BY name LIMIT 1");
        string Value(object owner) => $"""
            INSERT INTO sigmasight.position_values (id, position_id, portfolio_id, value_date, price, price_date, market_value, unrealized_pnl)
            VALUES (gen_random_uuid(), '{position}', '{owner}', '2026-10-30', 1, '2026-10-30', 1, 0)
            """;
        string Risk(object owner) =>
            $"INSERT INTO sigmasight.position_risk (position_id, as_of, portfolio_id, price) VALUES ('{position}', '2026-10-30', '{owner}', 1)";

        await FluentActions.Awaiting(() => TestDatabase.ExecuteAsync(Value(other))).Should().ThrowAsync<Npgsql.PostgresException>()
            .WithMessage("*fk_position_values_positions_portfolio_id_position_id*");
        await FluentActions.Awaiting(() => TestDatabase.ExecuteAsync(Risk(other))).Should().ThrowAsync<Npgsql.PostgresException>()
            .WithMessage("*fk_position_risk_positions_portfolio_id_position_id*");
        await TestDatabase.ExecuteAsync(Value(portfolio));
        await TestDatabase.ExecuteAsync(Risk(portfolio));
        await FluentActions.Awaiting(() => TestDatabase.ExecuteAsync(Value(portfolio))).Should().ThrowAsync<Npgsql.PostgresException>()
            .WithMessage("*ix_position_values_portfolio_id_value_date_position_id*", "one row a lot and day");

        await TestDatabase.ExecuteAsync($"DELETE FROM sigmasight.portfolios WHERE id = '{portfolio}'");
        (await TestDatabase.ScalarAsync<long>($"""
            SELECT (SELECT count(*) FROM sigmasight.position_values WHERE position_id = '{position}')
                 + (SELECT count(*) FROM sigmasight.position_risk WHERE position_id = '{position}')
            """)).Should().Be(0, "a deleted portfolio's position rows go with its lots");
    }
}
