using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class ImpactStatementConfiguration : IEntityTypeConfiguration<ImpactStatement>
{
    public void Configure(EntityTypeBuilder<ImpactStatement> builder)
    {
        builder.ToTable("impact_statements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Mission).HasMaxLength(Limits.LongText);
        builder.Property(s => s.ChangeSought).HasMaxLength(Limits.LongText);
        builder.Property(s => s.OtherAudiences).HasMaxLength(Limits.ShortText);
        builder.Property(s => s.Attribution).HasMaxLength(Limits.LongText);
        builder.Property(s => s.ChangeDescription).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Significance).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Version).IsRowVersion();
        builder.PrimitiveCollection(s => s.Audiences).HasField("_audiences").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(s => s.Natures).HasField("_natures").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        // One statement per organisation in a lab.
        builder.HasIndex(s => new { s.LabId, s.OrganisationId }).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(s => s.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);

        // Revisions only grow: an entity set of its own, so saving a statement does not load its past.
        builder.HasMany(s => s.Revisions).WithOne().HasForeignKey("StatementId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Revisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ImpactStatementRevisionConfiguration : IEntityTypeConfiguration<ImpactStatementRevision>
{
    public void Configure(EntityTypeBuilder<ImpactStatementRevision> builder)
    {
        builder.ToTable("impact_statement_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Mission).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ChangeSought).HasMaxLength(Limits.LongText);
        builder.Property(r => r.OtherAudiences).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.Attribution).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ChangeDescription).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Significance).HasMaxLength(Limits.LongText);
        builder.PrimitiveCollection(r => r.Changed).HasField("_changed").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(r => r.Audiences).HasField("_audiences").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(r => r.Natures).HasField("_natures").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.HasIndex("StatementId", nameof(ImpactStatementRevision.Number)).IsUnique();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.By).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ImpactHypothesisConfiguration : IEntityTypeConfiguration<ImpactHypothesis>
{
    public void Configure(EntityTypeBuilder<ImpactHypothesis> builder)
    {
        builder.ToTable("impact_hypotheses");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Statement).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(h => h.Stakeholders).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.ImpactsMeasured).HasMaxLength(Limits.LongText);
        builder.Property(h => h.ImpactsNotSought).HasMaxLength(Limits.LongText);
        builder.Property(h => h.NextSteps).HasMaxLength(Limits.LongText);
        builder.Property(h => h.Version).IsRowVersion();
        builder.Ignore(h => h.HasMeasurements);
        builder.HasIndex(h => new { h.LabId, h.OrganisationId });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(h => h.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(h => h.ConcludedBy).OnDelete(DeleteBehavior.SetNull);

        // A hypothesis is worked on with its indicators: they load with it. Their measurements do not.
        builder.HasMany(h => h.Indicators).WithOne().HasForeignKey(i => i.HypothesisId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Indicators).HasField("_indicators").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(h => h.Reopenings).WithOne().HasForeignKey(r => r.HypothesisId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Reopenings).HasField("_reopenings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("impact_indicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.BaselineValue).HasPrecision(18, 4);
        builder.Property(i => i.TargetValue).HasPrecision(18, 4);
        builder.Property(i => i.DismissedFigure).HasPrecision(18, 4);
        // The domain refuses a name used twice whatever its case; the database keeps exact duplicates out whatever happens.
        builder.HasIndex(i => new { i.HypothesisId, i.Name }).IsUnique();
        builder.Property(i => i.CatalogueKey).HasMaxLength(80);
        builder.Property(i => i.Choice).HasMaxLength(80);
        // Deleting a questionnaire leaves its indicators without proposals, not without their measurements.
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(i => i.QuestionnaireId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("impact_measurements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Note).HasMaxLength(Limits.Reason);
        builder.HasIndex(m => new { m.IndicatorId, m.MeasuredOn });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.RecordedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("impact_evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Text).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(e => e.Source).HasMaxLength(Limits.ShortText);
        builder.HasIndex(e => new { e.HypothesisId, e.ObservedOn });
        builder.HasOne<ImpactHypothesis>().WithMany().HasForeignKey(e => e.HypothesisId).OnDelete(DeleteBehavior.Cascade);
        // Removing an indicator keeps what was said about it, on the hypothesis.
        builder.HasOne<Indicator>().WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(e => e.RecordedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HypothesisReopeningConfiguration : IEntityTypeConfiguration<HypothesisReopening>
{
    public void Configure(EntityTypeBuilder<HypothesisReopening> builder)
    {
        builder.ToTable("impact_hypothesis_reopenings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(Limits.Reason).IsRequired();
        builder.Property(r => r.ImpactsMeasured).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ImpactsNotSought).HasMaxLength(Limits.LongText);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.By).OnDelete(DeleteBehavior.SetNull);
    }
}
