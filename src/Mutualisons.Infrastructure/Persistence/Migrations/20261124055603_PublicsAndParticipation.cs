using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PublicsAndParticipation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cycles = table.Column<string[]>(type: "text[]", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level_offered = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    postponement_count = table.Column<int>(type: "integer", nullable: false),
                    invited = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    present = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    outputs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    // xmin is PostgreSQL's system column, used as the row version: it must not be created (npgsql/efcore.pg #3854).
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_activities_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stakeholders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    interest = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    // xmin is PostgreSQL's system column, used as the row version: it must not be created (npgsql/efcore.pg #3854).
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stakeholders", x => x.id);
                    table.ForeignKey(
                        name: "fk_stakeholders_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cycle_participation",
                columns: table => new
                {
                    cycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stakeholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<int>(type: "integer", maxLength: 40, nullable: true),
                    derived = table.Column<int>(type: "integer", maxLength: 40, nullable: true),
                    adjusted = table.Column<int>(type: "integer", maxLength: 40, nullable: true),
                    adjustment_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_participation", x => new { x.stakeholder_id, x.cycle });
                    table.ForeignKey(
                        name: "fk_cycle_participation_stakeholders_stakeholder_id",
                        column: x => x.stakeholder_id,
                        principalTable: "stakeholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participation_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    aspect = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from = table.Column<int>(type: "integer", maxLength: 40, nullable: true),
                    to = table.Column<int>(type: "integer", maxLength: 40, nullable: true),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stakeholder_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participation_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_participation_history_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_participation_history_stakeholders_stakeholder_id",
                        column: x => x.stakeholder_id,
                        principalTable: "stakeholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_lab_id_scheduled_at",
                table: "activities",
                columns: new[] { "lab_id", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_participation_history_by",
                table: "participation_history",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_participation_history_stakeholder_id_at",
                table: "participation_history",
                columns: new[] { "stakeholder_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_lab_id_name",
                table: "stakeholders",
                columns: new[] { "lab_id", "name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "cycle_participation");

            migrationBuilder.DropTable(
                name: "participation_history");

            migrationBuilder.DropTable(
                name: "stakeholders");
        }
    }
}
