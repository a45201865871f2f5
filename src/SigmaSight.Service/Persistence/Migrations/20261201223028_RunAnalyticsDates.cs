using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunAnalyticsDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "analytics_all_dates",
                schema: "sigmasight",
                table: "batch_runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "analytics_all_dates",
                schema: "sigmasight",
                table: "batch_runs");
        }
    }
}
