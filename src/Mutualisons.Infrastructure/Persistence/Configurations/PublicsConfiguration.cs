using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
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
        // One stakeholder stands for each lab organisation: the link is by id, so renaming either keeps it.
        builder.HasIndex(s => new { s.LabId, s.OrganisationId }).IsUnique().HasFilter("organisation_id IS NOT NULL");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.SetNull);

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

        // The history grows with every change: an entity of its own, so changing a stakeholder does not load it.
        builder.HasMany(s => s.History).WithOne().HasForeignKey("StakeholderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ParticipationChangeConfiguration : IEntityTypeConfiguration<ParticipationChange>
{
    public void Configure(EntityTypeBuilder<ParticipationChange> h)
    {
        h.ToTable("participation_history");
        h.HasKey(x => x.Id);
        h.Property(x => x.Id).ValueGeneratedNever();
        h.Property(x => x.From).HasConversion<int?>();
        h.Property(x => x.To).HasConversion<int?>();
        h.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        h.HasIndex("StakeholderId", nameof(ParticipationChange.At));
        h.HasIndex(x => x.EffectiveAt);
        h.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.By).OnDelete(DeleteBehavior.SetNull);
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
        builder.Property(a => a.MethodKey).HasMaxLength(Limits.Key);
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
