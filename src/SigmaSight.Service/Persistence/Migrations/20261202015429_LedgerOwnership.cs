using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_quality_findings_run_id_kind",
                schema: "sigmasight",
                table: "data_quality_findings");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "enqueue_lease_until",
                schema: "sigmasight",
                table: "batch_phases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "enqueue_owner",
                schema: "sigmasight",
                table: "batch_phases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verify_requested_at",
                schema: "sigmasight",
                table: "batch_phases",
                type: "timestamp with time zone",
                nullable: true);

            // Duplicates written before the key existed (a job delivered twice) keep their first row.
            migrationBuilder.Sql("""
                DELETE FROM sigmasight.data_quality_findings a USING sigmasight.data_quality_findings b
                 WHERE a.id > b.id AND a.run_id = b.run_id AND a.kind = b.kind AND a.business_date = b.business_date
                   AND a.symbol IS NOT DISTINCT FROM b.symbol AND a.portfolio_id IS NOT DISTINCT FROM b.portfolio_id
                   AND a.detail = b.detail
                """);

            migrationBuilder.CreateIndex(
                name: "ux_data_quality_findings_key",
                schema: "sigmasight",
                table: "data_quality_findings",
                columns: new[] { "run_id", "kind", "business_date", "symbol", "portfolio_id", "detail" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_data_quality_findings_key",
                schema: "sigmasight",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "enqueue_lease_until",
                schema: "sigmasight",
                table: "batch_phases");

            migrationBuilder.DropColumn(
                name: "enqueue_owner",
                schema: "sigmasight",
                table: "batch_phases");

            migrationBuilder.DropColumn(
                name: "verify_requested_at",
                schema: "sigmasight",
                table: "batch_phases");

            migrationBuilder.CreateIndex(
                name: "ix_data_quality_findings_run_id_kind",
                schema: "sigmasight",
                table: "data_quality_findings",
                columns: new[] { "run_id", "kind" });
        }
    }
}
