using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Infrastructure.Diagnostic;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal static class ContentColumn
{
    // A questionnaire's content is one JSON document: it is always read and frozen as a whole.
    public static PropertyBuilder<QuestionnaireContent> AsJsonDocument(this PropertyBuilder<QuestionnaireContent> property) =>
        property.HasColumnType("jsonb")
            .HasConversion(
                c => c.ToJson(),
                s => QuestionnaireContent.FromJson(s),
                new ValueComparer<QuestionnaireContent>(
                    (a, b) => a != null && b != null && a.ToJson() == b.ToJson(),
                    c => c.ToJson().GetHashCode(StringComparison.Ordinal),
                    c => c.Copy()))
            .IsRequired();
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("questionnaires");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Draft).AsJsonDocument();
        builder.Property(q => q.PublicTokenHash).HasMaxLength(64);
        builder.Property(q => q.PublicTokenProtected).HasMaxLength(1000);
        builder.Property(q => q.Version).IsRowVersion();
        builder.HasIndex(q => q.LabId);
        builder.HasIndex(q => q.PublicTokenHash).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(q => q.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(q => q.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.ToTable("questionnaire_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content).AsJsonDocument();
        builder.HasIndex(v => new { v.QuestionnaireId, v.Number }).IsUnique();
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(v => v.PublishedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class QuestionnaireInvitationConfiguration : IEntityTypeConfiguration<QuestionnaireInvitation>
{
    public void Configure(EntityTypeBuilder<QuestionnaireInvitation> builder)
    {
        builder.ToTable("questionnaire_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(Limits.Email);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.TokenProtected).HasMaxLength(1000).IsRequired();
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.Progress);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // One personal link per organisation and questionnaire.
        builder.HasIndex(i => new { i.QuestionnaireId, i.OrganisationId }).IsUnique();
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(i => i.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionnaireResponseConfiguration : IEntityTypeConfiguration<QuestionnaireResponse>
{
    public const string Tallied = "Tallied";

    public void Configure(EntityTypeBuilder<QuestionnaireResponse> builder)
    {
        builder.ToTable("questionnaire_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.BrowserKeyHash).HasMaxLength(64);
        builder.Property(r => r.Language).HasMaxLength(2).IsRequired();
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsSubmitted);
        builder.HasIndex(r => new { r.QuestionnaireId, r.VersionId, r.SubmittedAt });
        // A personal link has one response; the open link one per browser key: a double submit cannot create two.
        builder.HasIndex(r => r.InvitationId).IsUnique();
        builder.HasIndex(r => r.BrowserKeyHash).IsUnique();
        builder.HasIndex(r => r.OrganisationId);
        // Whether the results' running totals hold this response (ResultTally). Not the domain's concern:
        // a submitted response never changes, so it is counted once. The partial index finds the few not yet counted.
        builder.Property<bool>(Tallied).HasDefaultValue(false);
        builder.HasIndex(r => r.VersionId);
        builder.HasIndex(r => new { r.VersionId, r.SubmittedAt })
            .HasFilter("submitted_at IS NOT NULL AND NOT tallied");
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionnaireInvitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ResponseAnswerConfiguration : IEntityTypeConfiguration<ResponseAnswer>
{
    public void Configure(EntityTypeBuilder<ResponseAnswer> builder)
    {
        builder.ToTable("questionnaire_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Choice).HasMaxLength(64);
        builder.Property(a => a.Number).HasPrecision(18, 4);
        builder.Property(a => a.Text).HasMaxLength(Limits.LongText);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId });
        // Results count choices per question across responses.
        builder.HasIndex(a => new { a.QuestionId, a.Choice });
    }
}

internal sealed class ResultTallyConfiguration : IEntityTypeConfiguration<ResultTally>
{
    public void Configure(EntityTypeBuilder<ResultTally> builder)
    {
        builder.ToTable("questionnaire_result_tallies");
        builder.HasKey(t => new { t.VersionId, t.QuestionId, t.Choice });
        builder.Property(t => t.Choice).HasMaxLength(64);
        builder.Property(t => t.NumberSum).HasColumnType("numeric");
        builder.Property(t => t.NumberMin).HasPrecision(18, 4);
        builder.Property(t => t.NumberMax).HasPrecision(18, 4);
        builder.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiagnosticNeedConfiguration : IEntityTypeConfiguration<DiagnosticNeed>
{
    public void Configure(EntityTypeBuilder<DiagnosticNeed> builder)
    {
        builder.ToTable("diagnostic_needs");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(n => n.Version).IsRowVersion();
        builder.PrimitiveCollection(n => n.SourceResponses).HasField("_sourceResponses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(n => n.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(n => n.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CandidateResourceConfiguration : IEntityTypeConfiguration<CandidateResource>
{
    public void Configure(EntityTypeBuilder<CandidateResource> builder)
    {
        builder.ToTable("candidate_resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Version).IsRowVersion();
        builder.PrimitiveCollection(r => r.SourceResponses).HasField("_sourceResponses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => r.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(r => r.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
