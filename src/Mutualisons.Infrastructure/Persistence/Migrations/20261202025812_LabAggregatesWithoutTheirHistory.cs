using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LabAggregatesWithoutTheirHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "organisation_id",
                table: "stakeholders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "effective_at",
                table: "participation_history",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Changes made so far took effect when they were recorded, except those an attended activity
            // raised: those took effect on the activity's day (found by its title, as the history names it).
            migrationBuilder.Sql("UPDATE participation_history SET effective_at = at;");
            migrationBuilder.Sql("""
                UPDATE participation_history h SET effective_at = a.scheduled_at
                FROM stakeholders s, activities a
                WHERE h.stakeholder_id = s.id AND a.lab_id = s.lab_id AND a.title = h.reason
                  AND h.by IS NULL AND h.aspect = 'Reached' AND a.status = 'Held';
                """);

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_lab_id_organisation_id",
                table: "stakeholders",
                columns: new[] { "lab_id", "organisation_id" },
                unique: true,
                filter: "organisation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_organisation_id",
                table: "stakeholders",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_participation_history_effective_at",
                table: "participation_history",
                column: "effective_at");

            migrationBuilder.AddForeignKey(
                name: "fk_stakeholders_organisations_organisation_id",
                table: "stakeholders",
                column: "organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_stakeholders_organisations_organisation_id",
                table: "stakeholders");

            migrationBuilder.DropIndex(
                name: "ix_stakeholders_lab_id_organisation_id",
                table: "stakeholders");

            migrationBuilder.DropIndex(
                name: "ix_stakeholders_organisation_id",
                table: "stakeholders");

            migrationBuilder.DropIndex(
                name: "ix_participation_history_effective_at",
                table: "participation_history");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "stakeholders");

            migrationBuilder.DropColumn(
                name: "effective_at",
                table: "participation_history");
        }
    }
}
