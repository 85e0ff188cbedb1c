using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("stories");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(s => s.Body).HasMaxLength(Limits.Story).IsRequired();
        builder.Property(s => s.WrittenBy).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(s => s.Version).IsRowVersion();
        builder.PrimitiveCollection(s => s.Cycles).HasField("_cycles").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.HasIndex(s => new { s.LabId, s.HappenedOn });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(s => s.LabId).OnDelete(DeleteBehavior.Cascade);
        // A story outlives what it tells of: the link goes, the story stays.
        builder.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(s => s.ExperimentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.WrittenById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Images).WithOne().HasForeignKey(i => i.StoryId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Images).HasField("_images").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class StoryImageConfiguration : IEntityTypeConfiguration<StoryImage>
{
    public void Configure(EntityTypeBuilder<StoryImage> builder)
    {
        builder.ToTable("story_images");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(i => i.AltText).HasMaxLength(Limits.ShortText).IsRequired();
        builder.HasIndex(i => i.StoryId);
    }
}

internal sealed class StoryImageContentConfiguration : IEntityTypeConfiguration<StoryImageContent>
{
    public void Configure(EntityTypeBuilder<StoryImageContent> builder)
    {
        builder.ToTable("story_image_contents", t => t.HasCheckConstraint("ck_story_image_contents_size", $"octet_length(bytes) <= {StoryImage.MaxBytes}"));
        builder.HasKey(c => c.ImageId);
        builder.Property(c => c.ImageId).ValueGeneratedNever();
        builder.Property(c => c.Bytes).IsRequired();
        builder.HasOne<StoryImage>().WithOne().HasForeignKey<StoryImageContent>(c => c.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspirationConfiguration : IEntityTypeConfiguration<Inspiration>
{
    public void Configure(EntityTypeBuilder<Inspiration> builder)
    {
        builder.ToTable("inspirations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Where).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(i => i.Lesson).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(i => i.Link).HasMaxLength(Limits.Url).IsRequired();
        builder.Property(i => i.Version).IsRowVersion();
        builder.PrimitiveCollection(i => i.Cycles).HasField("_cycles").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(i => i.Opportunities).HasField("_opportunities").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(i => i.Risks).HasField("_risks").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.HasIndex(i => i.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(i => i.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(i => i.ExperimentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NavigationCheckInConfiguration : IEntityTypeConfiguration<NavigationCheckIn>
{
    public void Configure(EntityTypeBuilder<NavigationCheckIn> builder)
    {
        builder.ToTable("navigation_check_ins");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.WhereWeAre).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(c => c.Worries).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(c => c.RecordedBy).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.LabId, c.HeldOn });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(c => c.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SynthesisNotebookConfiguration : IEntityTypeConfiguration<SynthesisNotebook>
{
    public void Configure(EntityTypeBuilder<SynthesisNotebook> builder)
    {
        builder.ToTable("synthesis_notebooks");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Introduction).HasMaxLength(Limits.Story).IsRequired();
        builder.Property(n => n.Version).IsRowVersion();
        // One per lab: two first saves at once make one conflict, not two introductions.
        builder.HasIndex(n => n.LabId).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(n => n.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}
