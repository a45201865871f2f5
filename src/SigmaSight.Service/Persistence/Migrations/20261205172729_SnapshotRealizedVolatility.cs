using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SnapshotRealizedVolatility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "snapshot_realized_vol_21d",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "snapshot_realized_vol_63d",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "snapshot_volatility_reason",
                schema: "sigmasight",
                table: "portfolio_snapshots",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "snapshot_realized_vol_21d",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "snapshot_realized_vol_63d",
                schema: "sigmasight",
                table: "portfolio_snapshots");

            migrationBuilder.DropColumn(
                name: "snapshot_volatility_reason",
                schema: "sigmasight",
                table: "portfolio_snapshots");
        }
    }
}
