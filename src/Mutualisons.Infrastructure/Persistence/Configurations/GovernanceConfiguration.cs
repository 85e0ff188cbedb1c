using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("bodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(b => b.Version).IsRowVersion();
        builder.Ignore(b => b.EvaluationNote);
        builder.OwnsOne(b => b.Rule, rule =>
        {
            rule.Property(r => r.Mode).HasColumnName("rule_mode");
            rule.Property(r => r.Voters).HasColumnName("rule_voters");
            rule.Property(r => r.QuorumPercent).HasColumnName("rule_quorum_percent");
            rule.Property(r => r.ThresholdPercent).HasColumnName("rule_threshold_percent");
            rule.Property(r => r.ResultsHiddenUntilClose).HasColumnName("rule_results_hidden_until_close");
            rule.Property(r => r.Anonymous).HasColumnName("rule_anonymous");
        });
        builder.Navigation(b => b.Rule).IsRequired();
        builder.HasIndex(b => b.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(b => b.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(b => b.WorkingGroupId).OnDelete(DeleteBehavior.SetNull);

        // Few members and few steps, always read with the body (the evaluation note is the last step's).
        builder.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BodyId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(b => b.ModeSteps).WithOne().HasForeignKey(s => s.BodyId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.ModeSteps).HasField("_modeSteps").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> builder)
    {
        builder.ToTable("body_members");
        // The key is the rule: a voter sits once in a body.
        builder.HasKey(m => new { m.BodyId, m.VoterId });
        builder.ToTable(t => t.HasCheckConstraint("ck_body_members_weight", $"weight BETWEEN 1 AND {Body.MaxWeight}"));
    }
}

internal sealed class ModeStepConfiguration : IEntityTypeConfiguration<ModeStep>
{
    public void Configure(EntityTypeBuilder<ModeStep> builder)
    {
        builder.ToTable("body_mode_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Note).HasMaxLength(Limits.LongText).IsRequired();
        builder.HasIndex(s => new { s.BodyId, s.At });
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.By).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.DecisionId);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(d => d.Proposal).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(d => d.OutcomeStatement).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(d => d.Version).IsRowVersion();
        builder.OwnsOne(d => d.Rule, rule =>
        {
            rule.Property(r => r.Mode).HasColumnName("rule_mode");
            rule.Property(r => r.Voters).HasColumnName("rule_voters");
            rule.Property(r => r.QuorumPercent).HasColumnName("rule_quorum_percent");
            rule.Property(r => r.ThresholdPercent).HasColumnName("rule_threshold_percent");
            rule.Property(r => r.ResultsHiddenUntilClose).HasColumnName("rule_results_hidden_until_close");
            rule.Property(r => r.Anonymous).HasColumnName("rule_anonymous");
        });
        builder.Navigation(d => d.Rule).IsRequired();
        // The decision log's first page: a lab's decisions, newest first.
        builder.HasIndex(d => new { d.LabId, d.OpenedAt });
        builder.HasIndex(d => d.BodyId);
        builder.HasIndex(d => d.ExperimentId);
        builder.HasIndex(d => d.SubjectBodyId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(d => d.LabId).OnDelete(DeleteBehavior.Cascade);
        // A body with decisions keeps them: the log is append-only.
        builder.HasOne<Body>().WithMany().HasForeignKey(d => d.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(d => d.ExperimentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Body>().WithMany().HasForeignKey(d => d.SubjectBodyId).OnDelete(DeleteBehavior.Restrict);
        // A proposed rule belongs to a decision on a validation rule, and only there.
        builder.ToTable(t => t.HasCheckConstraint("ck_decisions_proposed_rule", "(COALESCE(subject, '') = 'ValidationRule') = (proposed_validation_rule IS NOT NULL)"));

        builder.HasMany(d => d.Voters).WithOne().HasForeignKey(v => v.DecisionId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Voters).HasField("_voters").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(d => d.Ballots).WithOne().HasForeignKey(b => b.DecisionId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Ballots).HasField("_ballots").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(d => d.Proxies).WithOne().HasForeignKey(p => p.DecisionId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Proxies).HasField("_proxies").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        // The log only grows: read by queries, added by the write that makes a line.
        builder.HasMany(d => d.Log).WithOne().HasForeignKey(l => l.DecisionId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Log).HasField("_log").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DecisionVoterConfiguration : IEntityTypeConfiguration<DecisionVoter>
{
    public void Configure(EntityTypeBuilder<DecisionVoter> builder)
    {
        builder.ToTable("decision_voters");
        builder.HasKey(v => new { v.DecisionId, v.VoterId });
    }
}

internal sealed class DecisionBallotConfiguration : IEntityTypeConfiguration<DecisionBallot>
{
    public void Configure(EntityTypeBuilder<DecisionBallot> builder)
    {
        builder.ToTable("decision_ballots");
        // One ballot per voter; and a person casts for one voter only in a decision.
        builder.HasKey(b => new { b.DecisionId, b.VoterId });
        builder.HasIndex(b => new { b.DecisionId, b.CastBy }).IsUnique();
        builder.Property(b => b.Reason).HasMaxLength(Limits.Reason).IsRequired();
    }
}

internal sealed class DecisionProxyConfiguration : IEntityTypeConfiguration<DecisionProxy>
{
    public void Configure(EntityTypeBuilder<DecisionProxy> builder)
    {
        builder.ToTable("decision_proxies");
        builder.HasKey(p => new { p.DecisionId, p.OrganisationId });
        builder.HasIndex(p => new { p.DecisionId, p.ProxyId }).IsUnique();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.ProxyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionLogEntryConfiguration : IEntityTypeConfiguration<DecisionLogEntry>
{
    public void Configure(EntityTypeBuilder<DecisionLogEntry> builder)
    {
        builder.ToTable("decision_log");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Text).HasMaxLength(Limits.LongText).IsRequired();
        builder.HasIndex(l => new { l.DecisionId, l.At });
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(l => l.By).OnDelete(DeleteBehavior.SetNull);
    }
}
