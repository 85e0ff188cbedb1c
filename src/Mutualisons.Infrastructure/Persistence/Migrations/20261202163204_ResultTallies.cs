using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ResultTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "tallied",
                table: "questionnaire_responses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "questionnaire_result_tallies",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    answers = table.Column<int>(type: "integer", nullable: false),
                    respondents = table.Column<int>(type: "integer", nullable: false),
                    texts = table.Column<int>(type: "integer", nullable: false),
                    number_count = table.Column<int>(type: "integer", nullable: false),
                    number_sum = table.Column<decimal>(type: "numeric", nullable: false),
                    number_min = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    number_max = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_result_tallies", x => new { x.version_id, x.question_id, x.choice });
                    table.ForeignKey(
                        name: "fk_questionnaire_result_tallies_questionnaire_versions_version",
                        column: x => x.version_id,
                        principalTable: "questionnaire_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_responses_version_id_submitted_at",
                table: "questionnaire_responses",
                columns: new[] { "version_id", "submitted_at" },
                filter: "submitted_at IS NOT NULL AND NOT tallied");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questionnaire_result_tallies");

            migrationBuilder.DropIndex(
                name: "ix_questionnaire_responses_version_id_submitted_at",
                table: "questionnaire_responses");

            migrationBuilder.DropColumn(
                name: "tallied",
                table: "questionnaire_responses");
        }
    }
}
