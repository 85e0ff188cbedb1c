using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImpactStatementsAndChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "impact_hypotheses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    stakeholders = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sign = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    impacts_measured = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    impacts_not_sought = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    next_steps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    concluded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concluded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    concluded_unmeasured = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_hypotheses", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_hypotheses_asp_net_users_concluded_by",
                        column: x => x.concluded_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_impact_hypotheses_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_impact_hypotheses_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    change_sought = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    audiences = table.Column<string[]>(type: "text[]", nullable: false),
                    other_audiences = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    natures = table.Column<string[]>(type: "text[]", nullable: false),
                    attribution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    change_description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    significance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision_count = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_statements_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_impact_statements_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_hypothesis_reopenings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hypothesis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    impacts_measured = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    impacts_not_sought = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_hypothesis_reopenings", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_hypothesis_reopenings_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_impact_hypothesis_reopenings_impact_hypotheses_hypothesis_id",
                        column: x => x.hypothesis_id,
                        principalTable: "impact_hypotheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hypothesis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    baseline_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    baseline_date = table.Column<DateOnly>(type: "date", nullable: false),
                    target_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    target_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    measurement_count = table.Column<int>(type: "integer", nullable: false),
                    first_measured_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_indicators_impact_hypotheses_hypothesis_id",
                        column: x => x.hypothesis_id,
                        principalTable: "impact_hypotheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_statement_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed = table.Column<string[]>(type: "text[]", nullable: false),
                    mission = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    change_sought = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    audiences = table.Column<string[]>(type: "text[]", nullable: false),
                    other_audiences = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    natures = table.Column<string[]>(type: "text[]", nullable: false),
                    attribution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    change_description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    significance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_statement_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_statement_revisions_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_impact_statement_revisions_impact_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "impact_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hypothesis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    observed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_evidence_asp_net_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_impact_evidence_impact_hypotheses_hypothesis_id",
                        column: x => x.hypothesis_id,
                        principalTable: "impact_hypotheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_impact_evidence_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "impact_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "impact_measurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measured_on = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_measurements_asp_net_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_impact_measurements_impact_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "impact_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_impact_evidence_hypothesis_id_observed_on",
                table: "impact_evidence",
                columns: new[] { "hypothesis_id", "observed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_impact_evidence_indicator_id",
                table: "impact_evidence",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_impact_evidence_recorded_by",
                table: "impact_evidence",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_impact_hypotheses_concluded_by",
                table: "impact_hypotheses",
                column: "concluded_by");

            migrationBuilder.CreateIndex(
                name: "ix_impact_hypotheses_lab_id_organisation_id",
                table: "impact_hypotheses",
                columns: new[] { "lab_id", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_impact_hypotheses_organisation_id",
                table: "impact_hypotheses",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_impact_hypothesis_reopenings_by",
                table: "impact_hypothesis_reopenings",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_impact_hypothesis_reopenings_hypothesis_id",
                table: "impact_hypothesis_reopenings",
                column: "hypothesis_id");

            migrationBuilder.CreateIndex(
                name: "ix_impact_indicators_hypothesis_id_name",
                table: "impact_indicators",
                columns: new[] { "hypothesis_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_impact_measurements_indicator_id_measured_on",
                table: "impact_measurements",
                columns: new[] { "indicator_id", "measured_on" });

            migrationBuilder.CreateIndex(
                name: "ix_impact_measurements_recorded_by",
                table: "impact_measurements",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_impact_statement_revisions_by",
                table: "impact_statement_revisions",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_impact_statement_revisions_statement_id_number",
                table: "impact_statement_revisions",
                columns: new[] { "statement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_impact_statements_lab_id_organisation_id",
                table: "impact_statements",
                columns: new[] { "lab_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_impact_statements_organisation_id",
                table: "impact_statements",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "impact_evidence");

            migrationBuilder.DropTable(
                name: "impact_hypothesis_reopenings");

            migrationBuilder.DropTable(
                name: "impact_measurements");

            migrationBuilder.DropTable(
                name: "impact_statement_revisions");

            migrationBuilder.DropTable(
                name: "impact_indicators");

            migrationBuilder.DropTable(
                name: "impact_statements");

            migrationBuilder.DropTable(
                name: "impact_hypotheses");
        }
    }
}
