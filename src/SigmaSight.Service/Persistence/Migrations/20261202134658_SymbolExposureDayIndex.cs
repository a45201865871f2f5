using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SigmaSight.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SymbolExposureDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_symbol_factor_exposures_as_of_symbol",
                schema: "sigmasight",
                table: "symbol_factor_exposures",
                columns: new[] { "as_of", "symbol" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_symbol_factor_exposures_as_of_symbol",
                schema: "sigmasight",
                table: "symbol_factor_exposures");
        }
    }
}
