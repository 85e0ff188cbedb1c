using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.ToTable("experiments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(e => e.ExpectedImpact).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.IsPlaced);
        builder.Ignore(e => e.AllowedMoves);
        builder.OwnsOne(e => e.Means, means =>
        {
            means.Property(m => m.Budget).HasMaxLength(Limits.ShortText).IsRequired().HasColumnName("means_budget");
            means.Property(m => m.StaffTime).HasMaxLength(Limits.ShortText).IsRequired().HasColumnName("means_staff_time");
            means.Property(m => m.Rooms).HasMaxLength(Limits.ShortText).IsRequired().HasColumnName("means_rooms");
            means.Property(m => m.Data).HasMaxLength(Limits.ShortText).IsRequired().HasColumnName("means_data");
        });
        builder.Navigation(e => e.Means).IsRequired();
        // The scores are what the database must never hold out of range, whatever a write was told.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_experiments_feasibility", "feasibility BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_experiments_impact_score", "impact_score BETWEEN 1 AND 5");
        });
        builder.HasIndex(e => new { e.LabId, e.Status });
        builder.HasIndex(e => e.WorkingGroupId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(e => e.LabId).OnDelete(DeleteBehavior.Cascade);
        // A working group that goes leaves its experiments without one.
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(e => e.WorkingGroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(e => e.ProposedBy).OnDelete(DeleteBehavior.SetNull);

        // The history only grows: its own entity set, so changing an experiment does not load it.
        builder.HasMany(e => e.Moves).WithOne().HasForeignKey(m => m.ExperimentId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Moves).HasField("_moves").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The links are few and always read with their experiment.
        builder.HasMany(e => e.Needs).WithOne().HasForeignKey(l => l.ExperimentId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Needs).HasField("_needs").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(e => e.Hypotheses).WithOne().HasForeignKey(l => l.ExperimentId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Hypotheses).HasField("_hypotheses").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(e => e.Indicators).WithOne().HasForeignKey(l => l.ExperimentId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Indicators).HasField("_indicators").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // One row per concerned organisation: few, and always read with their experiment (the rule needs them all).
        builder.Ignore(e => e.StillToAnswer);
        builder.Ignore(e => e.IsValidationRuleMet);
        builder.HasMany(e => e.Validations).WithOne().HasForeignKey(v => v.ExperimentId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Validations).HasField("_validations").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        // The objection exchange only grows, like the moves: read by queries, added by the write that makes a turn.
        builder.HasMany(e => e.Exchange).WithOne().HasForeignKey(t => t.ExperimentId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Exchange).HasField("_exchange").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrganisationValidationConfiguration : IEntityTypeConfiguration<OrganisationValidation>
{
    public void Configure(EntityTypeBuilder<OrganisationValidation> builder)
    {
        builder.ToTable("experiment_validations");
        // The key is the rule: an organisation has one position per experiment.
        builder.HasKey(v => new { v.ExperimentId, v.OrganisationId });
        builder.Property(v => v.Text).HasMaxLength(Limits.Reason).IsRequired();
        builder.Ignore(v => v.HasAnswered);
        builder.Ignore(v => v.Objects);
        builder.Ignore(v => v.Approves);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(v => v.ProxyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(v => v.GivenBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => v.OrganisationId);
    }
}

internal sealed class ObjectionExchangeConfiguration : IEntityTypeConfiguration<ObjectionExchange>
{
    public void Configure(EntityTypeBuilder<ObjectionExchange> builder)
    {
        builder.ToTable("experiment_objection_exchange");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Text).HasMaxLength(Limits.Reason).IsRequired();
        builder.HasIndex(t => new { t.ExperimentId, t.At });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.By).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExperimentMoveConfiguration : IEntityTypeConfiguration<ExperimentMove>
{
    public void Configure(EntityTypeBuilder<ExperimentMove> builder)
    {
        builder.ToTable("experiment_moves");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Reason).HasMaxLength(Limits.Reason).IsRequired();
        builder.HasIndex(m => new { m.ExperimentId, m.At });
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.By).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExperimentNeedConfiguration : IEntityTypeConfiguration<ExperimentNeed>
{
    public void Configure(EntityTypeBuilder<ExperimentNeed> builder)
    {
        builder.ToTable("experiment_needs");
        builder.HasKey(l => new { l.ExperimentId, l.NeedId });
        builder.HasOne<DiagnosticNeed>().WithMany().HasForeignKey(l => l.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.NeedId);
    }
}

internal sealed class ExperimentHypothesisConfiguration : IEntityTypeConfiguration<ExperimentHypothesis>
{
    public void Configure(EntityTypeBuilder<ExperimentHypothesis> builder)
    {
        builder.ToTable("experiment_hypotheses");
        builder.HasKey(l => new { l.ExperimentId, l.HypothesisId });
        builder.HasOne<ImpactHypothesis>().WithMany().HasForeignKey(l => l.HypothesisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.HypothesisId);
    }
}

internal sealed class ExperimentIndicatorConfiguration : IEntityTypeConfiguration<ExperimentIndicator>
{
    public void Configure(EntityTypeBuilder<ExperimentIndicator> builder)
    {
        builder.ToTable("experiment_indicators");
        builder.HasKey(l => new { l.ExperimentId, l.IndicatorId });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.IndicatorId);
    }
}

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> builder)
    {
        builder.ToTable("working_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(g => g.Mission).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(g => g.Version).IsRowVersion();
        builder.HasIndex(g => new { g.LabId, g.Name });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(g => g.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(g => g.LeadId).OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.WorkingGroupId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(g => g.NextSteps).WithOne().HasForeignKey(s => s.WorkingGroupId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.NextSteps).HasField("_nextSteps").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(g => g.Meetings).WithOne().HasForeignKey(m => m.WorkingGroupId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Meetings).HasField("_meetings").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> builder)
    {
        builder.ToTable("working_group_members");
        builder.HasKey(m => new { m.WorkingGroupId, m.PersonId });
        // A deleted account leaves the groups it was in.
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.PersonId);
    }
}

internal sealed class WorkingGroupMeetingConfiguration : IEntityTypeConfiguration<WorkingGroupMeeting>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMeeting> builder)
    {
        builder.ToTable("working_group_meetings");
        builder.HasKey(m => new { m.WorkingGroupId, m.ActivityId });
        // An activity is the meeting of one group at most.
        builder.HasIndex(m => m.ActivityId).IsUnique();
        builder.HasOne<Activity>().WithMany().HasForeignKey(m => m.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NextStepConfiguration : IEntityTypeConfiguration<NextStep>
{
    public void Configure(EntityTypeBuilder<NextStep> builder)
    {
        builder.ToTable("working_group_next_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Text).HasMaxLength(Limits.ShortText).IsRequired();
        builder.HasIndex(s => new { s.WorkingGroupId, s.DueOn });
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
