using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DecisionSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "proposed_validation_rule",
                table: "decisions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "decisions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "subject_body_id",
                table: "decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "decision_id",
                table: "body_mode_steps",
                type: "uuid",
                nullable: true);

            // HAND-WRITTEN SQL (re-insert if this migration is regenerated): a decision that linked an experiment
            // before subjects existed decided about that experiment.
            migrationBuilder.Sql("UPDATE decisions SET subject = 'Experiment' WHERE experiment_id IS NOT NULL;");
            // END OF HAND-WRITTEN SQL

            migrationBuilder.CreateIndex(
                name: "ix_decisions_subject_body_id",
                table: "decisions",
                column: "subject_body_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_decisions_proposed_rule",
                table: "decisions",
                sql: "(COALESCE(subject, '') = 'ValidationRule') = (proposed_validation_rule IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_body_mode_steps_decision_id",
                table: "body_mode_steps",
                column: "decision_id");

            migrationBuilder.AddForeignKey(
                name: "fk_body_mode_steps_decisions_decision_id",
                table: "body_mode_steps",
                column: "decision_id",
                principalTable: "decisions",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_decisions_bodies_subject_body_id",
                table: "decisions",
                column: "subject_body_id",
                principalTable: "bodies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_body_mode_steps_decisions_decision_id",
                table: "body_mode_steps");

            migrationBuilder.DropForeignKey(
                name: "fk_decisions_bodies_subject_body_id",
                table: "decisions");

            migrationBuilder.DropIndex(
                name: "ix_decisions_subject_body_id",
                table: "decisions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decisions_proposed_rule",
                table: "decisions");

            migrationBuilder.DropIndex(
                name: "ix_body_mode_steps_decision_id",
                table: "body_mode_steps");

            migrationBuilder.DropColumn(
                name: "proposed_validation_rule",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "subject_body_id",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "decision_id",
                table: "body_mode_steps");
        }
    }
}
