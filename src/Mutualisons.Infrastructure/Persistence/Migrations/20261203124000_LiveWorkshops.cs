using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LiveWorkshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workshops",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    join_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    code_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    current_step_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshops", x => x.id);
                    table.ForeignKey(
                        name: "fk_workshops_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workshops_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workshop_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workshop_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    other_organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    culture = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshop_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_workshop_participants_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_workshop_participants_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_workshop_participants_workshops_workshop_id",
                        column: x => x.workshop_id,
                        principalTable: "workshops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workshop_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workshop_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    prompt = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ideas_per_person = table.Column<int>(type: "integer", nullable: false),
                    source_step_id = table.Column<Guid>(type: "uuid", nullable: true),
                    options = table.Column<string[]>(type: "text[]", nullable: false),
                    dots_per_person = table.Column<int>(type: "integer", nullable: false),
                    max_dots_per_item = table.Column<int>(type: "integer", nullable: false),
                    poll_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    axis_x = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    axis_y = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submissions_open = table.Column<bool>(type: "boolean", nullable: false),
                    results_revealed = table.Column<bool>(type: "boolean", nullable: false),
                    timer_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshop_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_workshop_steps_workshops_workshop_id",
                        column: x => x.workshop_id,
                        principalTable: "workshops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workshop_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workshop_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    dots = table.Column<int>(type: "integer", nullable: false),
                    x = table.Column<int>(type: "integer", nullable: true),
                    y = table.Column<int>(type: "integer", nullable: true),
                    choices = table.Column<int[]>(type: "integer[]", nullable: false),
                    consent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshop_answers", x => x.id);
                    table.CheckConstraint("ck_workshop_answers_dots", "dots >= 0");
                    table.CheckConstraint("ck_workshop_answers_x", "x BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_workshop_answers_y", "y BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_workshop_answers_workshop_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "workshop_participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workshop_answers_workshop_step_step_id",
                        column: x => x.step_id,
                        principalTable: "workshop_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workshop_clusters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workshop_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    became_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshop_clusters", x => x.id);
                    table.ForeignKey(
                        name: "fk_workshop_clusters_workshop_step_step_id",
                        column: x => x.step_id,
                        principalTable: "workshop_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workshop_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workshop_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    became_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshop_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_workshop_notes_workshop_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "workshop_clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_workshop_notes_workshop_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "workshop_participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workshop_notes_workshop_step_step_id",
                        column: x => x.step_id,
                        principalTable: "workshop_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workshop_answers_participant_id",
                table: "workshop_answers",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_answers_step_id_participant_id_item",
                table: "workshop_answers",
                columns: new[] { "step_id", "participant_id", "item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workshop_answers_workshop_id",
                table: "workshop_answers",
                column: "workshop_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_clusters_step_id",
                table: "workshop_clusters",
                column: "step_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_notes_cluster_id",
                table: "workshop_notes",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_notes_participant_id",
                table: "workshop_notes",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_notes_step_id_participant_id",
                table: "workshop_notes",
                columns: new[] { "step_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_workshop_notes_workshop_id",
                table: "workshop_notes",
                column: "workshop_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_participants_organisation_id",
                table: "workshop_participants",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_participants_secret_hash",
                table: "workshop_participants",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workshop_participants_user_id",
                table: "workshop_participants",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_participants_workshop_id",
                table: "workshop_participants",
                column: "workshop_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshop_steps_workshop_id",
                table: "workshop_steps",
                column: "workshop_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshops_activity_id",
                table: "workshops",
                column: "activity_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workshops_join_code",
                table: "workshops",
                column: "join_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workshops_lab_id",
                table: "workshops",
                column: "lab_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workshop_answers");

            migrationBuilder.DropTable(
                name: "workshop_notes");

            migrationBuilder.DropTable(
                name: "workshop_clusters");

            migrationBuilder.DropTable(
                name: "workshop_participants");

            migrationBuilder.DropTable(
                name: "workshop_steps");

            migrationBuilder.DropTable(
                name: "workshops");
        }
    }
}
