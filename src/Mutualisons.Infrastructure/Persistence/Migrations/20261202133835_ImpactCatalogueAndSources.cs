using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImpactCatalogueAndSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "catalogue_key",
                table: "impact_indicators",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "choice",
                table: "impact_indicators",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "computation",
                table: "impact_indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "figure",
                table: "impact_indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "figure_cycle",
                table: "impact_indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "figure_level",
                table: "impact_indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "proposals_settled_through",
                table: "impact_indicators",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "question_id",
                table: "impact_indicators",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "questionnaire_id",
                table: "impact_indicators",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_impact_indicators_questionnaire_id",
                table: "impact_indicators",
                column: "questionnaire_id");

            migrationBuilder.AddForeignKey(
                name: "fk_impact_indicators_questionnaires_questionnaire_id",
                table: "impact_indicators",
                column: "questionnaire_id",
                principalTable: "questionnaires",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_impact_indicators_questionnaires_questionnaire_id",
                table: "impact_indicators");

            migrationBuilder.DropIndex(
                name: "ix_impact_indicators_questionnaire_id",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "catalogue_key",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "choice",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "computation",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "figure",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "figure_cycle",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "figure_level",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "proposals_settled_through",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "question_id",
                table: "impact_indicators");

            migrationBuilder.DropColumn(
                name: "questionnaire_id",
                table: "impact_indicators");
        }
    }
}
