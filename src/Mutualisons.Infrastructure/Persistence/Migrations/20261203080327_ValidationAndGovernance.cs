using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ValidationAndGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "mandate_decision_maker_id",
                table: "lab_memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "validation_rule",
                table: "experiments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                // Existing experiments keep the stricter rule: every concerned organisation approves.
                defaultValue: "AllApprove");

            migrationBuilder.CreateTable(
                name: "bodies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rule_voters = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rule_quorum_percent = table.Column<int>(type: "integer", nullable: true),
                    rule_threshold_percent = table.Column<int>(type: "integer", nullable: true),
                    mode_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bodies", x => x.id);
                    table.ForeignKey(
                        name: "fk_bodies_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bodies_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "experiment_objection_exchange",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    turn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_objection_exchange", x => x.id);
                    table.ForeignKey(
                        name: "fk_experiment_objection_exchange_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_experiment_objection_exchange_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiment_objection_exchange_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_validations",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proxy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proxy_designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    position = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    given_by = table.Column<Guid>(type: "uuid", nullable: true),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    through_proxy = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_validations", x => new { x.experiment_id, x.organisation_id });
                    table.ForeignKey(
                        name: "fk_experiment_validations_asp_net_users_given_by",
                        column: x => x.given_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_experiment_validations_asp_net_users_proxy_id",
                        column: x => x.proxy_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_experiment_validations_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiment_validations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "body_members",
                columns: table => new
                {
                    body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_members", x => new { x.body_id, x.voter_id });
                    table.CheckConstraint("ck_body_members_weight", "weight BETWEEN 1 AND 100");
                    table.ForeignKey(
                        name: "fk_body_members_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "body_mode_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_mode_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_body_mode_steps_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_body_mode_steps_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rule_voters = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rule_quorum_percent = table.Column<int>(type: "integer", nullable: true),
                    rule_threshold_percent = table.Column<int>(type: "integer", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome_statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_decisions_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_decisions_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_ballots",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cast_by = table.Column<Guid>(type: "uuid", nullable: false),
                    through_proxy = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_ballots", x => new { x.decision_id, x.voter_id });
                    table.ForeignKey(
                        name: "fk_decision_ballots_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    voter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_log_asp_net_users_by",
                        column: x => x.by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_decision_log_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_proxies",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proxy_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_proxies", x => new { x.decision_id, x.organisation_id });
                    table.ForeignKey(
                        name: "fk_decision_proxies_asp_net_users_proxy_id",
                        column: x => x.proxy_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_decision_proxies_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_voters",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_voters", x => new { x.decision_id, x.voter_id });
                    table.ForeignKey(
                        name: "fk_decision_voters_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bodies_lab_id",
                table: "bodies",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_bodies_working_group_id",
                table: "bodies",
                column: "working_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_body_mode_steps_body_id_at",
                table: "body_mode_steps",
                columns: new[] { "body_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_body_mode_steps_by",
                table: "body_mode_steps",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_decision_ballots_decision_id_cast_by",
                table: "decision_ballots",
                columns: new[] { "decision_id", "cast_by" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_log_by",
                table: "decision_log",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_decision_log_decision_id_at",
                table: "decision_log",
                columns: new[] { "decision_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_proxies_decision_id_proxy_id",
                table: "decision_proxies",
                columns: new[] { "decision_id", "proxy_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_proxies_proxy_id",
                table: "decision_proxies",
                column: "proxy_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_body_id",
                table: "decisions",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_experiment_id",
                table: "decisions",
                column: "experiment_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_lab_id_opened_at",
                table: "decisions",
                columns: new[] { "lab_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_objection_exchange_by",
                table: "experiment_objection_exchange",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_objection_exchange_experiment_id_at",
                table: "experiment_objection_exchange",
                columns: new[] { "experiment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_objection_exchange_organisation_id",
                table: "experiment_objection_exchange",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_validations_given_by",
                table: "experiment_validations",
                column: "given_by");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_validations_organisation_id",
                table: "experiment_validations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_experiment_validations_proxy_id",
                table: "experiment_validations",
                column: "proxy_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "body_members");

            migrationBuilder.DropTable(
                name: "body_mode_steps");

            migrationBuilder.DropTable(
                name: "decision_ballots");

            migrationBuilder.DropTable(
                name: "decision_log");

            migrationBuilder.DropTable(
                name: "decision_proxies");

            migrationBuilder.DropTable(
                name: "decision_voters");

            migrationBuilder.DropTable(
                name: "experiment_objection_exchange");

            migrationBuilder.DropTable(
                name: "experiment_validations");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "bodies");

            migrationBuilder.DropColumn(
                name: "mandate_decision_maker_id",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "validation_rule",
                table: "experiments");
        }
    }
}
