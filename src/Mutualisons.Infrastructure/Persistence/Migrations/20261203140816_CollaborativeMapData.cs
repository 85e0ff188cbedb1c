using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CollaborativeMapData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "map_data_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    licence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    approvals_required = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_data_sets", x => x.id);
                    table.CheckConstraint("ck_map_data_sets_approvals", "approvals_required BETWEEN 1 AND 20");
                    table.ForeignKey(
                        name: "fk_map_data_sets_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "map_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    data_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_nl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_map_categories_map_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "map_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.NoAction);
                    table.ForeignKey(
                        name: "fk_map_categories_map_data_sets_data_set_id",
                        column: x => x.data_set_id,
                        principalTable: "map_data_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "map_contributors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    data_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consents = table.Column<bool>(type: "boolean", nullable: false),
                    consent_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_contributors", x => x.id);
                    table.ForeignKey(
                        name: "fk_map_contributors_map_data_sets_data_set_id",
                        column: x => x.data_set_id,
                        principalTable: "map_data_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_map_contributors_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "map_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    current = table.Column<string>(type: "jsonb", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    category_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    source_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    location = table.Column<NpgsqlPoint>(type: "point", nullable: true, computedColumnSql: "point(longitude, latitude)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_entries", x => x.id);
                    table.CheckConstraint("ck_map_entries_coordinates", "latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180");
                    table.ForeignKey(
                        name: "fk_map_entries_map_data_sets_data_set_id",
                        column: x => x.data_set_id,
                        principalTable: "map_data_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_map_entries_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_map_entries_organisations_source_organisation_id",
                        column: x => x.source_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "map_contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_new_entry = table.Column<bool>(type: "boolean", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    proposed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    approvals = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_map_contributions_map_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "map_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "map_entry_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contribution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    changes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_entry_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_map_entry_history_map_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "map_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_map_categories_data_set_id",
                table: "map_categories",
                column: "data_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_map_categories_parent_id",
                table: "map_categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_map_contributions_entry_id",
                table: "map_contributions",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_map_contributions_status",
                table: "map_contributions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_map_contributors_data_set_id_organisation_id",
                table: "map_contributors",
                columns: new[] { "data_set_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_map_contributors_organisation_id",
                table: "map_contributors",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_map_data_sets_lab_id_name",
                table: "map_data_sets",
                columns: new[] { "lab_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_map_entries_category_ids",
                table: "map_entries",
                column: "category_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_map_entries_data_set_id_name",
                table: "map_entries",
                columns: new[] { "data_set_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_map_entries_lab_id",
                table: "map_entries",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_map_entries_location",
                table: "map_entries",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_map_entries_source_organisation_id",
                table: "map_entries",
                column: "source_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_map_entry_history_entry_id",
                table: "map_entry_history",
                column: "entry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "map_categories");

            migrationBuilder.DropTable(
                name: "map_contributions");

            migrationBuilder.DropTable(
                name: "map_contributors");

            migrationBuilder.DropTable(
                name: "map_entry_history");

            migrationBuilder.DropTable(
                name: "map_entries");

            migrationBuilder.DropTable(
                name: "map_data_sets");
        }
    }
}
