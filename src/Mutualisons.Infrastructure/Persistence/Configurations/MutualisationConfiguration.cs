using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> entry)
    {
        entry.ToTable("navigation_journal");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.MovedBy).HasMaxLength(Limits.Name);
        entry.Property(e => e.Reason).HasMaxLength(Limits.Reason).IsRequired();
        entry.HasIndex("MutualisationId", nameof(JournalEntry.MovedAt));
        entry.HasOne<UserAccount>().WithMany().HasForeignKey(e => e.MovedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MutualisationConfiguration : IEntityTypeConfiguration<Mutualisation>
{
    public void Configure(EntityTypeBuilder<Mutualisation> builder)
    {
        builder.ToTable("mutualisations");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Limits.LongText);
        builder.Property(m => m.Version).IsRowVersion();

        builder.PrimitiveCollection(m => m.ResourceKinds)
            .HasField("_resourceKinds")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>());

        builder.OwnsMany(m => m.Memberships, membership =>
        {
            membership.ToTable("lab_memberships");
            membership.WithOwner().HasForeignKey("MutualisationId");
            // The key itself is the rule: an organisation is in a lab once.
            membership.HasKey("MutualisationId", nameof(Membership.OrganisationId));
            membership.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            membership.OwnsOne(m => m.Mandate, mandate =>
            {
                mandate.Property(x => x.DecisionMaker).HasMaxLength(Limits.ShortText).HasColumnName("mandate_decision_maker");
                // Cleared by the lab when that person stops speaking for the organisation there (removed, forgotten).
                mandate.Property(x => x.DecisionMakerId).HasColumnName("mandate_decision_maker_id");
                mandate.Property(x => x.TimeGivers).HasMaxLength(Limits.ShortText).HasColumnName("mandate_time_givers");
                mandate.Property(x => x.BudgetMargin).HasMaxLength(Limits.ShortText).HasColumnName("mandate_budget_margin");
                mandate.Property(x => x.StaffMargin).HasMaxLength(Limits.ShortText).HasColumnName("mandate_staff_margin");
                mandate.Property(x => x.Domains).HasMaxLength(Limits.ShortText).HasColumnName("mandate_domains");
                mandate.Property(x => x.GreenLightOn).HasColumnName("mandate_green_light_on");
                mandate.Ignore(x => x.GreenLight);
            });
        });
        builder.Navigation(m => m.Memberships).HasField("_memberships").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.Cycles, cycle =>
        {
            cycle.ToTable("lab_cycles");
            cycle.WithOwner().HasForeignKey("MutualisationId");
            cycle.HasKey("MutualisationId", nameof(LabCycle.Cycle));
            cycle.Property(c => c.Notes).HasMaxLength(Limits.LongText);
        });
        builder.Navigation(m => m.Cycles).HasField("_cycles").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The journal grows with every move: an entity of its own, so changing a lab does not load it.
        builder.HasMany(m => m.Journal).WithOne().HasForeignKey("MutualisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Journal).HasField("_journal").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.People, person =>
        {
            person.ToTable("lab_people");
            person.WithOwner().HasForeignKey("MutualisationId");
            // One role per person and lab.
            person.HasKey("MutualisationId", nameof(LabPerson.PersonId));
            person.HasIndex(p => p.PersonId);
            person.Property(p => p.Responsibilities).HasMaxLength(Limits.ShortText);
            person.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
            person.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(m => m.People).HasField("_people").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
