using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActivityMethods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "method_key",
                table: "activities",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "method_key",
                table: "activities");
        }
    }
}
