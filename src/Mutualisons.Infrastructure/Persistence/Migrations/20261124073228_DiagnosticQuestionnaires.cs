using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DiagnosticQuestionnaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "candidate_resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    source_responses = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_resources", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidate_resources_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_candidate_resources_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "diagnostic_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    resource_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    impact = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    source_responses = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diagnostic_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_diagnostic_needs_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_diagnostic_needs_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    draft = table.Column<string>(type: "jsonb", nullable: false),
                    has_unpublished_changes = table.Column<bool>(type: "boolean", nullable: false),
                    latest_version_number = table.Column<int>(type: "integer", nullable: false),
                    current_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    public_link_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    public_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    public_token_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    one_per_browser = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaires", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaires_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_questionnaires_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    token_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_reminder_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminder_count = table.Column<int>(type: "integer", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaire_invitations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_questionnaire_invitations_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    published_by = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaire_versions_asp_net_users_published_by",
                        column: x => x.published_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_questionnaire_versions_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    browser_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    current_section = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaire_responses_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_questionnaire_responses_questionnaire_invitations_invitatio",
                        column: x => x.invitation_id,
                        principalTable: "questionnaire_invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_questionnaire_responses_questionnaire_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "questionnaire_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_questionnaire_responses_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    choice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    number = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaire_answers_questionnaire_responses_response_id",
                        column: x => x.response_id,
                        principalTable: "questionnaire_responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidate_resources_created_by",
                table: "candidate_resources",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_candidate_resources_lab_id",
                table: "candidate_resources",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_diagnostic_needs_created_by",
                table: "diagnostic_needs",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_diagnostic_needs_lab_id",
                table: "diagnostic_needs",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_answers_question_id_choice",
                table: "questionnaire_answers",
                columns: new[] { "question_id", "choice" });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_answers_response_id_question_id",
                table: "questionnaire_answers",
                columns: new[] { "response_id", "question_id" });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_invitations_organisation_id",
                table: "questionnaire_invitations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_invitations_questionnaire_id_organisation_id",
                table: "questionnaire_invitations",
                columns: new[] { "questionnaire_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_invitations_token_hash",
                table: "questionnaire_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_responses_browser_key_hash",
                table: "questionnaire_responses",
                column: "browser_key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_responses_invitation_id",
                table: "questionnaire_responses",
                column: "invitation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_responses_organisation_id",
                table: "questionnaire_responses",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_responses_questionnaire_id_version_id_submitt",
                table: "questionnaire_responses",
                columns: new[] { "questionnaire_id", "version_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_responses_version_id",
                table: "questionnaire_responses",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_versions_published_by",
                table: "questionnaire_versions",
                column: "published_by");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_versions_questionnaire_id_number",
                table: "questionnaire_versions",
                columns: new[] { "questionnaire_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_created_by",
                table: "questionnaires",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_lab_id",
                table: "questionnaires",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_public_token_hash",
                table: "questionnaires",
                column: "public_token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidate_resources");

            migrationBuilder.DropTable(
                name: "diagnostic_needs");

            migrationBuilder.DropTable(
                name: "questionnaire_answers");

            migrationBuilder.DropTable(
                name: "questionnaire_responses");

            migrationBuilder.DropTable(
                name: "questionnaire_invitations");

            migrationBuilder.DropTable(
                name: "questionnaire_versions");

            migrationBuilder.DropTable(
                name: "questionnaires");
        }
    }
}
