using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentsAndWorkingGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "working_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mission = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_groups_asp_net_users_lead_id",
                        column: x => x.lead_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_working_groups_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    means_budget = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    means_staff_time = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    means_rooms = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    means_data = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cooperation_level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    logic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    expected_impact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    feasibility = table.Column<int>(type: "integer", nullable: true),
                    impact_score = table.Column<int>(type: "integer", nullable: true),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    postponed_from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    proposed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiments", x => x.id);
                    table.CheckConstraint("ck_experiments_feasibility", "feasibility BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_experiments_impact_score", "impact_score BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_experiments_asp_net_users_proposed_by",
                        column: x => x.proposed_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_experiments_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiments_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "working_group_meetings",
                columns: table => new
                {
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_meetings", x => new { x.working_group_id, x.activity_id });
                    table.ForeignKey(
                        name: "fk_working_group_meetings_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_meetings_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_members",
                columns: table => new
                {
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_members", x => new { x.working_group_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_working_group_members_asp_net_users_person_id",
                        column: x => x.person_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_members_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_next_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_next_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_group_next_steps_asp_net_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_working_group_next_steps_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_hypotheses",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hypothesis_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_hypotheses", x => new { x.experiment_id, x.hypothesis_id });
                    table.ForeignKey(
                        name: "fk_experiment_hypotheses_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiment_hypotheses_impact_hypotheses_hypothesis_id",
                        column: x => x.hypothesis_id,
                        principalTable: "impact_hypotheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_indicators",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_indicators", x => new { x.experiment_id, x.indicator_id });
                    table.ForeignKey(
                        name: "fk_experiment_indicators_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiment_indicators_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "impact_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_moves",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_moves", x => x.id);
                    table.ForeignKey(
                        name: "fk_experiment_moves_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_experiment_moves_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_needs",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_needs", x => new { x.experiment_id, x.need_id });
                    table.ForeignKey(
                        name: "fk_experiment_needs_diagnostic_needs_need_id",
                        column: x => x.need_id,
                        principalTable: "diagnostic_needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiment_needs_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_hypotheses_hypothesis_id",
                table: "experiment_hypotheses",
                column: "hypothesis_id");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_indicators_indicator_id",
                table: "experiment_indicators",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_moves_by",
                table: "experiment_moves",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_moves_experiment_id_at",
                table: "experiment_moves",
                columns: new[] { "experiment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_needs_need_id",
                table: "experiment_needs",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "ix_experiments_lab_id_status",
                table: "experiments",
                columns: new[] { "lab_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_proposed_by",
                table: "experiments",
                column: "proposed_by");

            migrationBuilder.CreateIndex(
                name: "ix_experiments_working_group_id",
                table: "experiments",
                column: "working_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_meetings_activity_id",
                table: "working_group_meetings",
                column: "activity_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_working_group_members_person_id",
                table: "working_group_members",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_next_steps_owner_id",
                table: "working_group_next_steps",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_next_steps_working_group_id_due_on",
                table: "working_group_next_steps",
                columns: new[] { "working_group_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_working_groups_lab_id_name",
                table: "working_groups",
                columns: new[] { "lab_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_working_groups_lead_id",
                table: "working_groups",
                column: "lead_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experiment_hypotheses");

            migrationBuilder.DropTable(
                name: "experiment_indicators");

            migrationBuilder.DropTable(
                name: "experiment_moves");

            migrationBuilder.DropTable(
                name: "experiment_needs");

            migrationBuilder.DropTable(
                name: "working_group_meetings");

            migrationBuilder.DropTable(
                name: "working_group_members");

            migrationBuilder.DropTable(
                name: "working_group_next_steps");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "working_groups");
        }
    }
}
