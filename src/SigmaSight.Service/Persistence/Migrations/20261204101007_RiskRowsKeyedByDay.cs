using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RiskRowsKeyedByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_stress_results",
                schema: "sigmasight",
                table: "stress_results");

            migrationBuilder.DropPrimaryKey(
                name: "pk_portfolio_factor_exposures",
                schema: "sigmasight",
                table: "portfolio_factor_exposures");

            migrationBuilder.AddPrimaryKey(
                name: "pk_stress_results",
                schema: "sigmasight",
                table: "stress_results",
                columns: new[] { "portfolio_id", "as_of", "scenario_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_portfolio_factor_exposures",
                schema: "sigmasight",
                table: "portfolio_factor_exposures",
                columns: new[] { "portfolio_id", "as_of", "factor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_stress_results",
                schema: "sigmasight",
                table: "stress_results");

            migrationBuilder.DropPrimaryKey(
                name: "pk_portfolio_factor_exposures",
                schema: "sigmasight",
                table: "portfolio_factor_exposures");

            migrationBuilder.AddPrimaryKey(
                name: "pk_stress_results",
                schema: "sigmasight",
                table: "stress_results",
                columns: new[] { "portfolio_id", "scenario_id", "as_of" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_portfolio_factor_exposures",
                schema: "sigmasight",
                table: "portfolio_factor_exposures",
                columns: new[] { "portfolio_id", "factor", "as_of" });
        }
    }
}
