using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class EvaluationFrameConfiguration : IEntityTypeConfiguration<EvaluationFrame>
{
    public void Configure(EntityTypeBuilder<EvaluationFrame> builder)
    {
        builder.ToTable("impact_evaluation_frames");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.WhoCarriesIt).HasMaxLength(Limits.ShortText);
        builder.Property(f => f.TimeAndMeans).HasMaxLength(Limits.LongText);
        builder.Property(f => f.ComputationalNotes).HasMaxLength(Limits.LongText);
        builder.Property(f => f.SystemicNotes).HasMaxLength(Limits.LongText);
        builder.Property(f => f.EpistemicNotes).HasMaxLength(Limits.LongText);
        builder.Property(f => f.AxiologicalNotes).HasMaxLength(Limits.LongText);
        builder.Property(f => f.Version).IsRowVersion();
        builder.Ignore(f => f.IsEmpty);
        builder.PrimitiveCollection(f => f.Purposes).HasField("_purposes").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(f => f.Audiences).HasField("_audiences").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(f => f.Methods).HasField("_methods").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(f => f.Timings).HasField("_timings").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        // One frame for the lab (no organisation) and one per organisation: the lab's null counts as a value.
        builder.HasIndex(f => new { f.LabId, f.OrganisationId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(f => f.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PursuedLogicConfiguration : IEntityTypeConfiguration<PursuedLogic>
{
    public void Configure(EntityTypeBuilder<PursuedLogic> builder)
    {
        builder.ToTable("impact_pursued_logics");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Expectation).HasMaxLength(Limits.LongText);
        builder.Property(l => l.Version).IsRowVersion();
        builder.PrimitiveCollection(l => l.Objectives).HasField("_objectives").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(l => l.Strategies).HasField("_strategies").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        // A lab pursues each logic once.
        builder.HasIndex(l => new { l.LabId, l.Logic }).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(l => l.LabId).OnDelete(DeleteBehavior.Cascade);

        // The links are few and always read with their logic.
        builder.HasMany(l => l.Hypotheses).WithOne().HasForeignKey(h => h.PursuedLogicId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Hypotheses).HasField("_hypotheses").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class LogicHypothesisLinkConfiguration : IEntityTypeConfiguration<LogicHypothesisLink>
{
    public void Configure(EntityTypeBuilder<LogicHypothesisLink> builder)
    {
        builder.ToTable("impact_logic_hypotheses");
        // The key keeps a hypothesis from being linked twice to one logic, whatever the domain was told.
        builder.HasKey(l => new { l.PursuedLogicId, l.HypothesisId });
        // Deleting a hypothesis removes it from the logics it served.
        builder.HasOne<ImpactHypothesis>().WithMany().HasForeignKey(l => l.HypothesisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.HypothesisId);
    }
}

internal sealed class LabCatalogueEntryConfiguration : IEntityTypeConfiguration<LabCatalogueEntry>
{
    public void Configure(EntityTypeBuilder<LabCatalogueEntry> builder)
    {
        builder.ToTable("impact_lab_catalogue_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(e => e.Definition).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Collection).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Question).HasMaxLength(Limits.ShortText);
        builder.Property(e => e.CopiedFrom).HasMaxLength(80);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.Key);
        builder.HasIndex(e => e.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(e => e.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}
