using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        builder.ToTable("stakeholders");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(s => s.Contact).HasMaxLength(Limits.ShortText);
        builder.Property(s => s.Interest).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.LabId, s.Name });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(s => s.LabId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(s => s.Participation, p =>
        {
            p.ToTable("cycle_participation");
            p.WithOwner().HasForeignKey("StakeholderId");
            p.HasKey("StakeholderId", nameof(CycleParticipation.Cycle));
            // Levels are stored as their rank so the database can compare and aggregate them.
            p.Property(x => x.Target).HasConversion<int?>();
            p.Property(x => x.Derived).HasConversion<int?>();
            p.Property(x => x.Adjusted).HasConversion<int?>();
            p.Property(x => x.AdjustmentReason).HasMaxLength(Limits.Reason);
            p.Ignore(x => x.Reached);
            p.Ignore(x => x.IsBelowTarget);
        });
        builder.Navigation(s => s.Participation).HasField("_participation").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.History, h =>
        {
            h.ToTable("participation_history");
            h.WithOwner().HasForeignKey("StakeholderId");
            h.HasKey(x => x.Id);
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.From).HasConversion<int?>();
            h.Property(x => x.To).HasConversion<int?>();
            h.Property(x => x.Reason).HasMaxLength(Limits.Reason);
            h.HasIndex("StakeholderId", nameof(ParticipationChange.At));
            h.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.By).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Navigation(s => s.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(a => a.Method).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Place).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.StatusReason).HasMaxLength(Limits.Reason);
        builder.Property(a => a.Outputs).HasMaxLength(Limits.LongText);
        builder.Property(a => a.LevelOffered).HasConversion<int>();
        builder.Property(a => a.Version).IsRowVersion();
        builder.PrimitiveCollection(a => a.Cycles).HasField("_cycles").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(a => a.Invited).HasField("_invited").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(a => a.Present).HasField("_present").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.LabId, a.ScheduledAt });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(a => a.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}
