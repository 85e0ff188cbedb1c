using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentValidationByOrganisations : Migration
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
                name: "experiment_objection_exchange");

            migrationBuilder.DropTable(
                name: "experiment_validations");

            migrationBuilder.DropColumn(
                name: "mandate_decision_maker_id",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "validation_rule",
                table: "experiments");
        }
    }
}
