using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunRetentionAndFetchedRange : Migration
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

            migrationBuilder.AddColumn<DateOnly>(
                name: "fetched_from",
                schema: "sigmasight",
                table: "batch_items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fetched_to",
                schema: "sigmasight",
                table: "batch_items",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "detail_pruned_at",
                schema: "sigmasight",
                table: "batch_runs");

            migrationBuilder.DropColumn(
                name: "fetched_from",
                schema: "sigmasight",
                table: "batch_items");

            migrationBuilder.DropColumn(
                name: "fetched_to",
                schema: "sigmasight",
                table: "batch_items");
        }
    }
}
