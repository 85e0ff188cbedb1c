using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotebookStoriesInspirationsCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspirations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    where = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lesson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cycles = table.Column<string[]>(type: "text[]", nullable: false),
                    opportunities = table.Column<string[]>(type: "text[]", nullable: false),
                    risks = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspirations", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspirations_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_inspirations_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "navigation_check_ins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    focus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    where_we_are = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    worries = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    weather = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    facilitation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_navigation_check_ins", x => x.id);
                    table.ForeignKey(
                        name: "fk_navigation_check_ins_asp_net_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_navigation_check_ins_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    happened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    cycles = table.Column<string[]>(type: "text[]", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    in_notebook = table.Column<bool>(type: "boolean", nullable: false),
                    written_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    written_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stories", x => x.id);
                    table.ForeignKey(
                        name: "fk_stories_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_stories_asp_net_users_written_by_id",
                        column: x => x.written_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_stories_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_stories_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "story_images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    story_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    length = table.Column<int>(type: "integer", nullable: false),
                    alt_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_story_images", x => x.id);
                    table.ForeignKey(
                        name: "fk_story_images_stories_story_id",
                        column: x => x.story_id,
                        principalTable: "stories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "story_image_contents",
                columns: table => new
                {
                    image_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_story_image_contents", x => x.image_id);
                    table.CheckConstraint("ck_story_image_contents_size", "octet_length(bytes) <= 2097152");
                    table.ForeignKey(
                        name: "fk_story_image_contents_story_images_image_id",
                        column: x => x.image_id,
                        principalTable: "story_images",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspirations_experiment_id",
                table: "inspirations",
                column: "experiment_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspirations_lab_id",
                table: "inspirations",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_navigation_check_ins_lab_id_held_on",
                table: "navigation_check_ins",
                columns: new[] { "lab_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_navigation_check_ins_recorded_by_id",
                table: "navigation_check_ins",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_stories_activity_id",
                table: "stories",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_stories_experiment_id",
                table: "stories",
                column: "experiment_id");

            migrationBuilder.CreateIndex(
                name: "ix_stories_lab_id_happened_on",
                table: "stories",
                columns: new[] { "lab_id", "happened_on" });

            migrationBuilder.CreateIndex(
                name: "ix_stories_written_by_id",
                table: "stories",
                column: "written_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_story_images_story_id",
                table: "story_images",
                column: "story_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspirations");

            migrationBuilder.DropTable(
                name: "navigation_check_ins");

            migrationBuilder.DropTable(
                name: "story_image_contents");

            migrationBuilder.DropTable(
                name: "story_images");

            migrationBuilder.DropTable(
                name: "stories");
        }
    }
}
