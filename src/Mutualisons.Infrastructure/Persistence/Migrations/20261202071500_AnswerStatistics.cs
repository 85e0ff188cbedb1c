using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnswerStatistics : Migration
    {
        // Results group a questionnaire's answer rows by (question, choice): a few hundred pairs per version. Without
        // statistics on the pair, PostgreSQL multiplies the two columns' distinct counts, expects as many groups
        // as rows, and sorts every answer row (on disk past work_mem) instead of hashing a few hundred groups.
        // Statistics objects are not part of the EF model: this migration is SQL only.
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE STATISTICS IF NOT EXISTS st_questionnaire_answers_question_choice (ndistinct) ON question_id, choice FROM questionnaire_answers;");
            migrationBuilder.Sql("ANALYZE questionnaire_answers;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP STATISTICS IF EXISTS st_questionnaire_answers_question_choice;");
        }
    }
}
