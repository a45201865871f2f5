using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "detail_pruned_at",
                schema: "sigmasight",
                table: "batch_runs",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "detail_pruned_at",
                schema: "sigmasight",
                table: "batch_runs");
        }
    }
}
