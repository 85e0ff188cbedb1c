using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PilotGroupMandates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "responsibilities",
                table: "lab_people",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "mandate_budget_margin",
                table: "lab_memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mandate_decision_maker",
                table: "lab_memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mandate_domains",
                table: "lab_memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mandate_green_light_on",
                table: "lab_memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mandate_staff_margin",
                table: "lab_memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mandate_time_givers",
                table: "lab_memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "responsibilities",
                table: "lab_people");

            migrationBuilder.DropColumn(
                name: "mandate_budget_margin",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "mandate_decision_maker",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "mandate_domains",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "mandate_green_light_on",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "mandate_staff_margin",
                table: "lab_memberships");

            migrationBuilder.DropColumn(
                name: "mandate_time_givers",
                table: "lab_memberships");
        }
    }
}
