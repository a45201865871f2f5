using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunDiffVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "figures_version",
                schema: "sigmasight",
                table: "batch_runs",
                type: "bigint",
                nullable: true);

            // Snapshot versions (Batches/Diff/FigureVersions.cs): not mapped by EF; every insert takes the default.
            migrationBuilder.Sql("""
                CREATE SEQUENCE sigmasight.figure_versions;
                ALTER TABLE sigmasight.portfolio_snapshots
                    ADD COLUMN version bigint NOT NULL DEFAULT nextval('sigmasight.figure_versions');
                CREATE TABLE sigmasight.snapshot_archive (
                    portfolio_id uuid NOT NULL REFERENCES sigmasight.portfolios (id) ON DELETE CASCADE,
                    snapshot_date date NOT NULL,
                    version bigint NOT NULL,
                    replaced_version bigint NOT NULL,
                    run_id uuid NOT NULL,
                    replaced_by_run uuid NOT NULL,
                    figures jsonb NOT NULL,
                    created_at timestamptz NOT NULL,
                    archived_at timestamptz NOT NULL,
                    PRIMARY KEY (portfolio_id, snapshot_date, version));
                CREATE INDEX ix_snapshot_archive_versions ON sigmasight.snapshot_archive (snapshot_date, version, replaced_version);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE sigmasight.snapshot_archive;
                ALTER TABLE sigmasight.portfolio_snapshots DROP COLUMN version;
                DROP SEQUENCE sigmasight.figure_versions;
                """);
            migrationBuilder.DropColumn(
                name: "figures_version",
                schema: "sigmasight",
                table: "batch_runs");
        }
    }
}
