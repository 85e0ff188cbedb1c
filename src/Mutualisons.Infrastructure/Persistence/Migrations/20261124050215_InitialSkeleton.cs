using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSkeleton : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mutualisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    resource_kinds = table.Column<string[]>(type: "text[]", nullable: false),
                    cooperation_level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    current_focus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    // xmin is PostgreSQL's system column, used as the row version: it must not be created (npgsql/efcore.pg #3854).
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mutualisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mission = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    // xmin is PostgreSQL's system column, used as the row version: it must not be created (npgsql/efcore.pg #3854).
                    address_city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_country = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_latitude = table.Column<double>(type: "double precision", nullable: true),
                    address_longitude = table.Column<double>(type: "double precision", nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address_street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lab_cycles",
                columns: table => new
                {
                    cycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    mutualisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_cycles", x => new { x.mutualisation_id, x.cycle });
                    table.ForeignKey(
                        name: "fk_lab_cycles_mutualisations_mutualisation_id",
                        column: x => x.mutualisation_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "navigation_journal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    moved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    moved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    mutualisation_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_navigation_journal", x => x.id);
                    table.ForeignKey(
                        name: "fk_navigation_journal_mutualisations_mutualisation_id",
                        column: x => x.mutualisation_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lab_memberships",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mutualisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_memberships", x => new { x.mutualisation_id, x.organisation_id });
                    table.ForeignKey(
                        name: "fk_lab_memberships_mutualisations_mutualisation_id",
                        column: x => x.mutualisation_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lab_memberships_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organisation_contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisation_contacts_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lab_memberships_organisation_id",
                table: "lab_memberships",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_navigation_journal_mutualisation_id_moved_at",
                table: "navigation_journal",
                columns: new[] { "mutualisation_id", "moved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_contacts_organisation_id",
                table: "organisation_contacts",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                table: "organisations",
                column: "name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lab_cycles");

            migrationBuilder.DropTable(
                name: "lab_memberships");

            migrationBuilder.DropTable(
                name: "navigation_journal");

            migrationBuilder.DropTable(
                name: "organisation_contacts");

            migrationBuilder.DropTable(
                name: "mutualisations");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
