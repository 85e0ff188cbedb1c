using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.ToTable("workshops");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(w => w.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.JoinCode).HasMaxLength(JoinCode.Length).IsRequired();
        builder.Property(w => w.Version).IsRowVersion();
        builder.Ignore(w => w.CurrentStep);
        // A code names one room: a join finds it by the code alone.
        builder.HasIndex(w => w.JoinCode).IsUnique();
        builder.HasIndex(w => w.LabId);
        builder.HasIndex(w => w.ActivityId).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(w => w.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Activity>().WithMany().HasForeignKey(w => w.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Steps).WithOne().HasForeignKey(s => s.WorkshopId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class WorkshopStepConfiguration : IEntityTypeConfiguration<WorkshopStep>
{
    public void Configure(EntityTypeBuilder<WorkshopStep> builder)
    {
        builder.ToTable("workshop_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.PollKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Prompt).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(s => s.AxisX).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(s => s.AxisY).HasMaxLength(Limits.ShortText).IsRequired();
        builder.PrimitiveCollection(s => s.Options).HasField("_options").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.TakesAnswers);
        builder.Ignore(s => s.WorksOnOptions);
        builder.Ignore(s => s.Settings);
        builder.HasIndex(s => s.WorkshopId);
    }
}

internal sealed class WorkshopParticipantConfiguration : IEntityTypeConfiguration<WorkshopParticipant>
{
    public void Configure(EntityTypeBuilder<WorkshopParticipant> builder)
    {
        builder.ToTable("workshop_participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DisplayName).HasMaxLength(WorkshopParticipant.NameLength).IsRequired();
        builder.Property(p => p.OtherOrganisation).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(p => p.Culture).HasMaxLength(8).IsRequired();
        builder.Property(p => p.SecretHash).HasMaxLength(64).IsRequired();
        builder.Ignore(p => p.IsRemoved);
        builder.HasIndex(p => p.SecretHash).IsUnique();
        builder.HasIndex(p => p.WorkshopId);
        builder.HasOne<Workshop>().WithMany().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        // An organisation leaving the directory does not erase that someone came: they come for "another one".
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkshopNoteConfiguration : IEntityTypeConfiguration<WorkshopNote>
{
    public void Configure(EntityTypeBuilder<WorkshopNote> builder)
    {
        builder.ToTable("workshop_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(WorkshopStep.NoteLength).IsRequired();
        builder.HasIndex(n => new { n.StepId, n.ParticipantId });
        builder.HasIndex(n => n.WorkshopId);
        builder.HasOne<WorkshopStep>().WithMany().HasForeignKey(n => n.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkshopParticipant>().WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkshopCluster>().WithMany().HasForeignKey(n => n.ClusterId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkshopClusterConfiguration : IEntityTypeConfiguration<WorkshopCluster>
{
    public void Configure(EntityTypeBuilder<WorkshopCluster> builder)
    {
        builder.ToTable("workshop_clusters");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(WorkshopStep.OptionLength).IsRequired();
        builder.HasIndex(c => c.StepId);
        builder.HasOne<WorkshopStep>().WithMany().HasForeignKey(c => c.StepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkshopAnswerConfiguration : IEntityTypeConfiguration<WorkshopAnswer>
{
    public void Configure(EntityTypeBuilder<WorkshopAnswer> builder)
    {
        builder.ToTable("workshop_answers", t =>
        {
            t.HasCheckConstraint("ck_workshop_answers_dots", "dots >= 0");
            t.HasCheckConstraint("ck_workshop_answers_x", $"x BETWEEN {WorkshopStep.AxisMin} AND {WorkshopStep.AxisMax}");
            t.HasCheckConstraint("ck_workshop_answers_y", $"y BETWEEN {WorkshopStep.AxisMin} AND {WorkshopStep.AxisMax}");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Item).HasMaxLength(WorkshopItems.KeyLength).IsRequired();
        builder.Property(a => a.Consent).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Reason).HasMaxLength(Limits.Reason).IsRequired();
        builder.PrimitiveCollection(a => a.Choices).HasField("_choices").UsePropertyAccessMode(PropertyAccessMode.Field);
        // One row per participant and item: a second tap changes the first, it can never count twice.
        builder.HasIndex(a => new { a.StepId, a.ParticipantId, a.Item }).IsUnique();
        builder.HasIndex(a => a.WorkshopId);
        builder.HasOne<WorkshopStep>().WithMany().HasForeignKey(a => a.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkshopParticipant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkshopTemplateConfiguration : IEntityTypeConfiguration<WorkshopTemplate>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<WorkshopTemplate> builder)
    {
        builder.ToTable("workshop_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(t => t.Version).IsRowVersion();
        // A template is always read and copied whole: one JSON document.
        builder.Property<List<TemplateStep>>("_steps").HasColumnName("steps").HasColumnType("jsonb")
            .HasConversion(
                steps => System.Text.Json.JsonSerializer.Serialize(steps, Json),
                json => System.Text.Json.JsonSerializer.Deserialize<List<TemplateStep>>(json, Json) ?? new List<TemplateStep>(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<TemplateStep>>(
                    (a, b) => System.Text.Json.JsonSerializer.Serialize(a, Json) == System.Text.Json.JsonSerializer.Serialize(b, Json),
                    steps => System.Text.Json.JsonSerializer.Serialize(steps, Json).GetHashCode(StringComparison.Ordinal),
                    steps => System.Text.Json.JsonSerializer.Deserialize<List<TemplateStep>>(System.Text.Json.JsonSerializer.Serialize(steps, Json), Json)!))
            .IsRequired();
        builder.Ignore(t => t.Steps);
        builder.HasIndex(t => t.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(t => t.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}
