using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "sigmasight");

            migrationBuilder.CreateTable(
                name: "batch_runs",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    scope = table.Column<string>(type: "text", nullable: false),
                    range_from = table.Column<DateOnly>(type: "date", nullable: false),
                    range_to = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    requested_by = table.Column<string>(type: "text", nullable: false),
                    trigger_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    superseded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_quality_findings",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: true),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    severity = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_quality_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "market_closures",
                schema: "sigmasight",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_closures", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "portfolios",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    inception_date = table.Column<DateOnly>(type: "date", nullable: false),
                    equity_balance = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prices",
                schema: "sigmasight",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    close = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    open = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    high = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    low = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    volume = table.Column<long>(type: "bigint", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prices", x => new { x.symbol, x.date });
                    table.CheckConstraint("ck_prices_close_positive", "close > 0");
                });

            migrationBuilder.CreateTable(
                name: "securities",
                schema: "sigmasight",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    asset_type = table.Column<string>(type: "text", nullable: true),
                    sector = table.Column<string>(type: "text", nullable: true),
                    industry = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_securities", x => x.symbol);
                });

            migrationBuilder.CreateTable(
                name: "batch_items",
                schema: "sigmasight",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    item_key = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    hangfire_job_id = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: true),
                    item_date = table.Column<DateOnly>(type: "date", nullable: true),
                    symbols = table.Column<List<string>>(type: "text[]", nullable: true),
                    late_success = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_items", x => new { x.run_id, x.phase, x.item_key });
                    table.ForeignKey(
                        name: "fk_batch_items_batch_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "sigmasight",
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "batch_phases",
                schema: "sigmasight",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    expected = table.Column<int>(type: "integer", nullable: false),
                    remaining = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    starter_job_id = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_phases", x => new { x.run_id, x.phase });
                    table.ForeignKey(
                        name: "fk_batch_phases_batch_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "sigmasight",
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "equity_changes",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    change_date = table.Column<DateOnly>(type: "date", nullable: false),
                    change_type = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_equity_changes", x => x.id);
                    table.CheckConstraint("ck_equity_changes_amount_positive", "amount > 0");
                    table.ForeignKey(
                        name: "fk_equity_changes_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_snapshots",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    snapshot_date = table.Column<DateOnly>(type: "date", nullable: false),
                    equity_balance = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    cash_value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    daily_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    daily_return = table.Column<decimal>(type: "numeric(20,10)", precision: 20, scale: 10, nullable: true),
                    daily_return_note = table.Column<string>(type: "text", nullable: true),
                    cumulative_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    daily_realized_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    cumulative_realized_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    daily_capital_flow = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    cumulative_capital_flow = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    long_value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    short_value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    gross_exposure = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    net_exposure = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    num_positions = table.Column<int>(type: "integer", nullable: false),
                    num_long_positions = table.Column<int>(type: "integer", nullable: false),
                    num_short_positions = table.Column<int>(type: "integer", nullable: false),
                    stale_price_count = table.Column<int>(type: "integer", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_portfolio_snapshots_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    position_type = table.Column<string>(type: "text", nullable: false),
                    investment_class = table.Column<string>(type: "text", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    entry_price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    entry_date = table.Column<DateOnly>(type: "date", nullable: false),
                    exit_price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    exit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    underlying_symbol = table.Column<string>(type: "text", nullable: true),
                    strike_price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    expiration_date = table.Column<DateOnly>(type: "date", nullable: true),
                    lot_index = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positions", x => x.id);
                    table.ForeignKey(
                        name: "fk_positions_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "position_values",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value_date = table.Column<DateOnly>(type: "date", nullable: false),
                    price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    price_date = table.Column<DateOnly>(type: "date", nullable: false),
                    market_value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    unrealized_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    delta = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_position_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_position_values_positions_position_id",
                        column: x => x.position_id,
                        principalSchema: "sigmasight",
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "private_valuations",
                schema: "sigmasight",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    valuation_date = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_private_valuations", x => x.id);
                    table.ForeignKey(
                        name: "fk_private_valuations_positions_position_id",
                        column: x => x.position_id,
                        principalSchema: "sigmasight",
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_batch_items_hangfire_job_id",
                schema: "sigmasight",
                table: "batch_items",
                column: "hangfire_job_id");

            migrationBuilder.CreateIndex(
                name: "ix_batch_items_portfolio_id_status",
                schema: "sigmasight",
                table: "batch_items",
                columns: new[] { "portfolio_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_batch_runs_status",
                schema: "sigmasight",
                table: "batch_runs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_batch_runs_live_range",
                schema: "sigmasight",
                table: "batch_runs",
                columns: new[] { "kind", "scope", "range_from", "range_to" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_batch_runs_nightly_date",
                schema: "sigmasight",
                table: "batch_runs",
                column: "business_date",
                unique: true,
                filter: "kind = 'Nightly' AND superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_data_quality_findings_run_id_kind",
                schema: "sigmasight",
                table: "data_quality_findings",
                columns: new[] { "run_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_data_quality_findings_symbol_business_date",
                schema: "sigmasight",
                table: "data_quality_findings",
                columns: new[] { "symbol", "business_date" });

            migrationBuilder.CreateIndex(
                name: "ix_equity_changes_portfolio_id_change_date",
                schema: "sigmasight",
                table: "equity_changes",
                columns: new[] { "portfolio_id", "change_date" });

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_snapshots_portfolio_id_snapshot_date",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                columns: new[] { "portfolio_id", "snapshot_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_snapshots_run_id",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_portfolios_name",
                schema: "sigmasight",
                table: "portfolios",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_position_values_portfolio_id_value_date",
                schema: "sigmasight",
                table: "position_values",
                columns: new[] { "portfolio_id", "value_date" });

            migrationBuilder.CreateIndex(
                name: "ix_position_values_position_id_value_date",
                schema: "sigmasight",
                table: "position_values",
                columns: new[] { "position_id", "value_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_positions_portfolio_id",
                schema: "sigmasight",
                table: "positions",
                column: "portfolio_id");

            migrationBuilder.CreateIndex(
                name: "ix_private_valuations_position_id_valuation_date",
                schema: "sigmasight",
                table: "private_valuations",
                columns: new[] { "position_id", "valuation_date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batch_items",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "batch_phases",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "data_quality_findings",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "equity_changes",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "market_closures",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "portfolio_snapshots",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "position_values",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "prices",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "private_valuations",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "securities",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "batch_runs",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "positions",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "portfolios",
                schema: "sigmasight");
        }
    }
}
