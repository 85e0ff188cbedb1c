using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms", t => t.HasCheckConstraint("ck_rooms_capacity", "capacity > 0"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(r => r.Equipment).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.LabId, r.Name }).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(r => r.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Two live bookings of a room never overlap: the migration adds an exclusion constraint (btree_gist) on the
/// room and tstzrange(starts_at, ends_at), which EF Core cannot express.
/// </summary>
internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings", t => t.HasCheckConstraint("ck_bookings_period", "ends_at > starts_at"));
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Purpose).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(b => b.Version).IsRowVersion();
        builder.Ignore(b => b.IsCancelled);
        builder.HasIndex(b => new { b.LabId, b.StartsAt });
        builder.HasIndex(b => b.RoomId);
        builder.HasIndex(b => b.SeriesId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(b => b.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Room>().WithMany().HasForeignKey(b => b.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(b => b.BookedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
