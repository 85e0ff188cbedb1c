using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisons.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SharedResources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // btree_gist ships with PostgreSQL's contrib (Debian's postgresql package): it lets a GiST index compare uuids with =.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");

            migrationBuilder.CreateTable(
                name: "resource_declarations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    area_square_metres = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    equipment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    days = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    available_from = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    available_until = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    format = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    licence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    update_frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    skill = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    hours_per_month = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_declarations", x => x.id);
                    table.CheckConstraint("ck_resource_declarations_quantities", "(capacity IS NULL OR capacity > 0) AND (area_square_metres IS NULL OR area_square_metres > 0) AND (hours_per_month IS NULL OR hours_per_month > 0)");
                    table.CheckConstraint("ck_resource_declarations_time_range", "(available_from IS NULL AND available_until IS NULL) OR available_from < available_until");
                    table.ForeignKey(
                        name: "fk_resource_declarations_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_resource_declarations_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_declarations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rooms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    equipment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rooms", x => x.id);
                    table.CheckConstraint("ck_rooms_capacity", "capacity > 0");
                    table.ForeignKey(
                        name: "fk_rooms_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pooling_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    yearly_cost_saved = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    area_square_metres = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    hours_per_month = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pooling_agreements", x => x.id);
                    table.CheckConstraint("ck_pooling_agreements_cost_saved", "yearly_cost_saved IS NULL OR yearly_cost_saved >= 0");
                    table.CheckConstraint("ck_pooling_agreements_dates", "ends_on IS NULL OR ends_on >= starts_on");
                    table.ForeignKey(
                        name: "fk_pooling_agreements_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_pooling_agreements_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pooling_agreements_organisations_provider_id",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pooling_agreements_organisations_recipient_id",
                        column: x => x.recipient_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pooling_agreements_resource_declarations_need_id",
                        column: x => x.need_id,
                        principalTable: "resource_declarations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_pooling_agreements_resource_declarations_offer_id",
                        column: x => x.offer_id,
                        principalTable: "resource_declarations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    booked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.CheckConstraint("ck_bookings_period", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_bookings_asp_net_users_booked_by",
                        column: x => x.booked_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_bookings_mutualisations_lab_id",
                        column: x => x.lab_id,
                        principalTable: "mutualisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bookings_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bookings_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_booked_by",
                table: "bookings",
                column: "booked_by");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_lab_id_starts_at",
                table: "bookings",
                columns: new[] { "lab_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organisation_id",
                table: "bookings",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_room_id",
                table: "bookings",
                column: "room_id");

            migrationBuilder.CreateIndex(
                name: "ix_pooling_agreements_created_by",
                table: "pooling_agreements",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_pooling_agreements_lab_id_starts_on",
                table: "pooling_agreements",
                columns: new[] { "lab_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_pooling_agreements_need_id",
                table: "pooling_agreements",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "ix_pooling_agreements_offer_id",
                table: "pooling_agreements",
                column: "offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_pooling_agreements_provider_id",
                table: "pooling_agreements",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_pooling_agreements_recipient_id",
                table: "pooling_agreements",
                column: "recipient_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_declarations_created_by",
                table: "resource_declarations",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_resource_declarations_lab_id_side_kind",
                table: "resource_declarations",
                columns: new[] { "lab_id", "side", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_resource_declarations_organisation_id",
                table: "resource_declarations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_rooms_lab_id_name",
                table: "rooms",
                columns: new[] { "lab_id", "name" },
                unique: true);

            // Two live bookings of a room never overlap, whoever saves first: PostgreSQL refuses the second (23P01).
            migrationBuilder.Sql(
                "ALTER TABLE bookings ADD CONSTRAINT ex_bookings_room_period EXCLUDE USING gist " +
                "(room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (cancelled_at IS NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "pooling_agreements");

            migrationBuilder.DropTable(
                name: "rooms");

            migrationBuilder.DropTable(
                name: "resource_declarations");
        }
    }
}
