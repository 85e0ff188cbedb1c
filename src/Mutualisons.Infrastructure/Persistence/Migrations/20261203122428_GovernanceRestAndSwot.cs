using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GovernanceRestAndSwot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "rule_anonymous",
                table: "decisions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "rule_results_hidden_until_close",
                table: "decisions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "rule_anonymous",
                table: "bodies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "rule_results_hidden_until_close",
                table: "bodies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "swot_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    quadrant = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    opportunity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    risk = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swot_items", x => x.id);
                    table.CheckConstraint("ck_swot_items_opportunity_square", "opportunity IS NULL OR quadrant = 'Opportunity'");
                    table.CheckConstraint("ck_swot_items_risk_square", "risk IS NULL OR quadrant = 'Threat'");
                    table.ForeignKey(
                        name: "fk_swot_items_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_swot_items_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "swot_item_experiments",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swot_item_experiments", x => new { x.item_id, x.experiment_id });
                    table.ForeignKey(
                        name: "fk_swot_item_experiments_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_swot_item_experiments_swot_items_item_id",
                        column: x => x.item_id,
                        principalTable: "swot_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_swot_item_experiments_experiment_id",
                table: "swot_item_experiments",
                column: "experiment_id");

            migrationBuilder.CreateIndex(
                name: "ix_swot_items_created_by",
                table: "swot_items",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_swot_items_lab_id_theme",
                table: "swot_items",
                columns: new[] { "lab_id", "theme" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "swot_item_experiments");

            migrationBuilder.DropTable(
                name: "swot_items");

            migrationBuilder.DropColumn(
                name: "rule_anonymous",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "rule_results_hidden_until_close",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "rule_anonymous",
                table: "bodies");

            migrationBuilder.DropColumn(
                name: "rule_results_hidden_until_close",
                table: "bodies");
        }
    }
}
