using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnswerIndexesForResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_questionnaire_answers_question_id_choice",
                table: "questionnaire_answers");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_answers_question_id_choice",
                table: "questionnaire_answers",
                columns: new[] { "question_id", "choice" })
                .Annotation("Npgsql:IndexInclude", new[] { "response_id", "position", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_answers_texts",
                table: "questionnaire_answers",
                column: "question_id",
                filter: "text IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "response_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_questionnaire_answers_question_id_choice",
                table: "questionnaire_answers");

            migrationBuilder.DropIndex(
                name: "ix_questionnaire_answers_texts",
                table: "questionnaire_answers");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_answers_question_id_choice",
                table: "questionnaire_answers",
                columns: new[] { "question_id", "choice" });
        }
    }
}
