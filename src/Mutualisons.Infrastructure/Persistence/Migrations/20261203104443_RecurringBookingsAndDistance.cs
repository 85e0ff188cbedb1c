using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecurringBookingsAndDistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "max_distance_km",
                table: "resource_declarations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "series_id",
                table: "bookings",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_series_id",
                table: "bookings",
                column: "series_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_series_id",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "max_distance_km",
                table: "resource_declarations");

            migrationBuilder.DropColumn(
                name: "series_id",
                table: "bookings");
        }
    }
}
