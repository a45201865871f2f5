using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RiskAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "beta_90d",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "effective_num_positions",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "es_95",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "es_99",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "expected_vol_21d",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "hhi",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "parametric_es_95",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "parametric_es_99",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "parametric_var_95",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "parametric_var_99",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "realized_vol_21d",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "realized_vol_63d",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "top_10_concentration",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "top_3_concentration",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "var_95",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "var_99",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "volatility_percentile",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "volatility_trend",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "analytic_results",
                schema: "sigmasight",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    family = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytic_results", x => new { x.portfolio_id, x.as_of, x.family });
                    table.CheckConstraint("ck_analytic_results_status", "status IN ('present', 'not_applicable', 'insufficient_history', 'failed')");
                    table.ForeignKey(
                        name: "fk_analytic_results_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "correlation_results",
                schema: "sigmasight",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    window_days = table.Column<int>(type: "integer", nullable: false),
                    overall_correlation = table.Column<double>(type: "double precision", nullable: true),
                    effective_positions = table.Column<double>(type: "double precision", nullable: true),
                    observations = table.Column<int>(type: "integer", nullable: false),
                    psd_adjusted = table.Column<bool>(type: "boolean", nullable: false),
                    symbols = table.Column<string>(type: "jsonb", nullable: false),
                    matrix = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correlation_results", x => new { x.portfolio_id, x.as_of, x.window_days });
                    table.ForeignKey(
                        name: "fk_correlation_results_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "factor_definitions",
                schema: "sigmasight",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    factor_type = table.Column<string>(type: "text", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    etf_proxy = table.Column<string>(type: "text", nullable: false),
                    spread_short_proxy = table.Column<string>(type: "text", nullable: true),
                    display_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_factor_definitions", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_sector_exposures",
                schema: "sigmasight",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    sector = table.Column<string>(type: "text", nullable: false),
                    net_weight = table.Column<double>(type: "double precision", nullable: true),
                    gross_weight = table.Column<double>(type: "double precision", nullable: true),
                    benchmark_weight = table.Column<double>(type: "double precision", nullable: true),
                    market_value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_sector_exposures", x => new { x.portfolio_id, x.as_of, x.sector });
                    table.ForeignKey(
                        name: "fk_portfolio_sector_exposures_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "position_risk",
                schema: "sigmasight",
                columns: table => new
                {
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    market_beta = table.Column<double>(type: "double precision", nullable: true),
                    realized_vol_21d = table.Column<double>(type: "double precision", nullable: true),
                    realized_vol_63d = table.Column<double>(type: "double precision", nullable: true),
                    expected_vol_21d = table.Column<double>(type: "double precision", nullable: true),
                    price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    delta = table.Column<double>(type: "double precision", nullable: true),
                    gamma = table.Column<double>(type: "double precision", nullable: true),
                    theta = table.Column<double>(type: "double precision", nullable: true),
                    vega = table.Column<double>(type: "double precision", nullable: true),
                    delta_adjusted_exposure = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_position_risk", x => new { x.position_id, x.as_of });
                    table.ForeignKey(
                        name: "fk_position_risk_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_position_risk_positions_position_id",
                        column: x => x.position_id,
                        principalSchema: "sigmasight",
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sector_benchmark_weights",
                schema: "sigmasight",
                columns: table => new
                {
                    benchmark = table.Column<string>(type: "text", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    sector = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<double>(type: "double precision", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sector_benchmark_weights", x => new { x.benchmark, x.as_of, x.sector });
                    table.CheckConstraint("ck_sector_benchmark_weights_weight_fraction", "weight >= 0 AND weight <= 1");
                });

            migrationBuilder.CreateTable(
                name: "stress_scenarios",
                schema: "sigmasight",
                columns: table => new
                {
                    scenario_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    severity = table.Column<string>(type: "text", nullable: false),
                    shocks = table.Column<string>(type: "jsonb", nullable: false),
                    factor_mapping = table.Column<string>(type: "jsonb", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    display_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stress_scenarios", x => x.scenario_id);
                });

            migrationBuilder.CreateTable(
                name: "symbol_volatility",
                schema: "sigmasight",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "text", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    realized_vol_21d = table.Column<double>(type: "double precision", nullable: true),
                    realized_vol_63d = table.Column<double>(type: "double precision", nullable: true),
                    expected_vol_21d = table.Column<double>(type: "double precision", nullable: true),
                    trend = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    trend_slope = table.Column<double>(type: "double precision", nullable: true),
                    trend_r_squared = table.Column<double>(type: "double precision", nullable: true),
                    percentile = table.Column<double>(type: "double precision", nullable: true),
                    observations = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_symbol_volatility", x => new { x.symbol, x.as_of });
                });

            migrationBuilder.CreateTable(
                name: "portfolio_factor_exposures",
                schema: "sigmasight",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    factor = table.Column<string>(type: "character varying(50)", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    exposure = table.Column<double>(type: "double precision", nullable: true),
                    exposure_dollar = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    coverage = table.Column<double>(type: "double precision", nullable: false),
                    missing_symbols = table.Column<string>(type: "jsonb", nullable: false),
                    private_symbols = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_factor_exposures", x => new { x.portfolio_id, x.factor, x.as_of });
                    table.ForeignKey(
                        name: "fk_portfolio_factor_exposures_factor_definitions_factor",
                        column: x => x.factor,
                        principalSchema: "sigmasight",
                        principalTable: "factor_definitions",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_portfolio_factor_exposures_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "symbol_factor_exposures",
                schema: "sigmasight",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "text", nullable: false),
                    factor = table.Column<string>(type: "character varying(50)", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    beta = table.Column<double>(type: "double precision", nullable: true),
                    alpha = table.Column<double>(type: "double precision", nullable: true),
                    r_squared = table.Column<double>(type: "double precision", nullable: true),
                    std_error = table.Column<double>(type: "double precision", nullable: true),
                    observations = table.Column<int>(type: "integer", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    window_days = table.Column<int>(type: "integer", nullable: false),
                    clipped = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_symbol_factor_exposures", x => new { x.symbol, x.factor, x.as_of });
                    table.ForeignKey(
                        name: "fk_symbol_factor_exposures_factor_definitions_factor",
                        column: x => x.factor,
                        principalSchema: "sigmasight",
                        principalTable: "factor_definitions",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stress_results",
                schema: "sigmasight",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scenario_id = table.Column<string>(type: "character varying(50)", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    direct_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    correlated_pnl = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    correlation_effect = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    factor_impacts = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stress_results", x => new { x.portfolio_id, x.scenario_id, x.as_of });
                    table.ForeignKey(
                        name: "fk_stress_results_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalSchema: "sigmasight",
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_stress_results_stress_scenarios_scenario_id",
                        column: x => x.scenario_id,
                        principalSchema: "sigmasight",
                        principalTable: "stress_scenarios",
                        principalColumn: "scenario_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytic_results_run_id",
                schema: "sigmasight",
                table: "analytic_results",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_factor_exposures_factor",
                schema: "sigmasight",
                table: "portfolio_factor_exposures",
                column: "factor");

            migrationBuilder.CreateIndex(
                name: "ix_position_risk_portfolio_id_as_of",
                schema: "sigmasight",
                table: "position_risk",
                columns: new[] { "portfolio_id", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_stress_results_scenario_id_as_of",
                schema: "sigmasight",
                table: "stress_results",
                columns: new[] { "scenario_id", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_symbol_factor_exposures_as_of_factor",
                schema: "sigmasight",
                table: "symbol_factor_exposures",
                columns: new[] { "as_of", "factor" });

            migrationBuilder.CreateIndex(
                name: "ix_symbol_factor_exposures_factor",
                schema: "sigmasight",
                table: "symbol_factor_exposures",
                column: "factor");

            migrationBuilder.CreateIndex(
                name: "ix_symbol_volatility_as_of",
                schema: "sigmasight",
                table: "symbol_volatility",
                column: "as_of");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytic_results",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "correlation_results",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "portfolio_factor_exposures",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "portfolio_sector_exposures",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "position_risk",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "sector_benchmark_weights",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "stress_results",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "symbol_factor_exposures",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "symbol_volatility",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "stress_scenarios",
                schema: "sigmasight");

            migrationBuilder.DropTable(
                name: "factor_definitions",
                schema: "sigmasight");

            migrationBuilder.DropColumn(
                name: "beta_90d",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "effective_num_positions",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "es_95",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "es_99",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "expected_vol_21d",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "hhi",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "parametric_es_95",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "parametric_es_99",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "parametric_var_95",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "parametric_var_99",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "realized_vol_21d",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "realized_vol_63d",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "top_10_concentration",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "top_3_concentration",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "var_95",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "var_99",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "volatility_percentile",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "volatility_trend",
                schema: "sigmasight",
                table: "portfolio_snapshots");
        }
    }
}
