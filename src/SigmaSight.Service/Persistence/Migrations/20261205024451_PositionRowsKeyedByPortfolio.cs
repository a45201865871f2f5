using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PositionRowsKeyedByPortfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_position_risk_portfolios_portfolio_id",
                schema: "sigmasight",
                table: "position_risk");

            migrationBuilder.DropForeignKey(
                name: "fk_position_risk_positions_position_id",
                schema: "sigmasight",
                table: "position_risk");

            migrationBuilder.DropForeignKey(
                name: "fk_position_values_positions_position_id",
                schema: "sigmasight",
                table: "position_values");

            migrationBuilder.DropIndex(
                name: "ix_positions_portfolio_id",
                schema: "sigmasight",
                table: "positions");

            migrationBuilder.DropIndex(
                name: "ix_position_values_portfolio_id_value_date",
                schema: "sigmasight",
                table: "position_values");

            migrationBuilder.DropIndex(
                name: "ix_position_values_position_id_value_date",
                schema: "sigmasight",
                table: "position_values");

            migrationBuilder.DropPrimaryKey(
                name: "pk_position_risk",
                schema: "sigmasight",
                table: "position_risk");

            migrationBuilder.DropIndex(
                name: "ix_position_risk_portfolio_id_as_of",
                schema: "sigmasight",
                table: "position_risk");

            migrationBuilder.AddUniqueConstraint(
                name: "ak_positions_portfolio_id_id",
                schema: "sigmasight",
                table: "positions",
                columns: new[] { "portfolio_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_position_risk",
                schema: "sigmasight",
                table: "position_risk",
                columns: new[] { "portfolio_id", "as_of", "position_id" });

            migrationBuilder.CreateIndex(
                name: "ix_position_values_portfolio_id_value_date_position_id",
                schema: "sigmasight",
                table: "position_values",
                columns: new[] { "portfolio_id", "value_date", "position_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_position_risk_positions_portfolio_id_position_id",
                schema: "sigmasight",
                table: "position_risk",
                columns: new[] { "portfolio_id", "position_id" },
                principalSchema: "sigmasight",
                principalTable: "positions",
                principalColumns: new[] { "portfolio_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_position_values_positions_portfolio_id_position_id",
                schema: "sigmasight",
                table: "position_values",
                columns: new[] { "portfolio_id", "position_id" },
                principalSchema: "sigmasight",
                principalTable: "positions",
                principalColumns: new[] { "portfolio_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_position_risk_positions_portfolio_id_position_id",
                schema: "sigmasight",
                table: "position_risk");

            migrationBuilder.DropForeignKey(
                name: "fk_position_values_positions_portfolio_id_position_id",
                schema: "sigmasight",
                table: "position_values");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_positions_portfolio_id_id",
                schema: "sigmasight",
                table: "positions");

            migrationBuilder.DropIndex(
                name: "ix_position_values_portfolio_id_value_date_position_id",
                schema: "sigmasight",
                table: "position_values");

            migrationBuilder.DropPrimaryKey(
                name: "pk_position_risk",
                schema: "sigmasight",
                table: "position_risk");

            migrationBuilder.AddPrimaryKey(
                name: "pk_position_risk",
                schema: "sigmasight",
                table: "position_risk",
                columns: new[] { "position_id", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_positions_portfolio_id",
                schema: "sigmasight",
                table: "positions",
                column: "portfolio_id");

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
                name: "ix_position_risk_portfolio_id_as_of",
                schema: "sigmasight",
                table: "position_risk",
                columns: new[] { "portfolio_id", "as_of" });

            migrationBuilder.AddForeignKey(
                name: "fk_position_risk_portfolios_portfolio_id",
                schema: "sigmasight",
                table: "position_risk",
                column: "portfolio_id",
                principalSchema: "sigmasight",
                principalTable: "portfolios",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_position_risk_positions_position_id",
                schema: "sigmasight",
                table: "position_risk",
                column: "position_id",
                principalSchema: "sigmasight",
                principalTable: "positions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_position_values_positions_position_id",
                schema: "sigmasight",
                table: "position_values",
                column: "position_id",
                principalSchema: "sigmasight",
                principalTable: "positions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
