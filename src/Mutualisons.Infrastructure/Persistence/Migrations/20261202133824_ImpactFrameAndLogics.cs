using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImpactFrameAndLogics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "impact_evaluation_frames",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    purposes = table.Column<string[]>(type: "text[]", nullable: false),
                    audiences = table.Column<string[]>(type: "text[]", nullable: false),
                    who_carries_it = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_and_means = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    methods = table.Column<string[]>(type: "text[]", nullable: false),
                    timings = table.Column<string[]>(type: "text[]", nullable: false),
                    computational_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    systemic_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    epistemic_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    axiological_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_evaluation_frames", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_evaluation_frames_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_impact_evaluation_frames_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_pursued_logics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    logic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    expectation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    objectives = table.Column<string[]>(type: "text[]", nullable: false),
                    strategies = table.Column<string[]>(type: "text[]", nullable: false),
                    chosen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_pursued_logics", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_pursued_logics_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_logic_hypotheses",
                columns: table => new
                {
                    pursued_logic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hypothesis_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_logic_hypotheses", x => new { x.pursued_logic_id, x.hypothesis_id });
                    table.ForeignKey(
                        name: "fk_impact_logic_hypotheses_impact_hypotheses_hypothesis_id",
                        column: x => x.hypothesis_id,
                        principalTable: "impact_hypotheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_impact_logic_hypotheses_pursued_logics_pursued_logic_id",
                        column: x => x.pursued_logic_id,
                        principalTable: "impact_pursued_logics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_impact_evaluation_frames_lab_id_organisation_id",
                table: "impact_evaluation_frames",
                columns: new[] { "lab_id", "organisation_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_impact_evaluation_frames_organisation_id",
                table: "impact_evaluation_frames",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_impact_logic_hypotheses_hypothesis_id",
                table: "impact_logic_hypotheses",
                column: "hypothesis_id");

            migrationBuilder.CreateIndex(
                name: "ix_impact_pursued_logics_lab_id_logic",
                table: "impact_pursued_logics",
                columns: new[] { "lab_id", "logic" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "impact_evaluation_frames");

            migrationBuilder.DropTable(
                name: "impact_logic_hypotheses");

            migrationBuilder.DropTable(
                name: "impact_pursued_logics");
        }
    }
}
