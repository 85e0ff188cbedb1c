using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class SwotItemConfiguration : IEntityTypeConfiguration<SwotItem>
{
    public void Configure(EntityTypeBuilder<SwotItem> builder)
    {
        builder.ToTable("swot_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Text).HasMaxLength(Limits.Reason).IsRequired();
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.Prompt);
        // A board is a lab's items of one theme.
        builder.HasIndex(i => new { i.LabId, i.Theme });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(i => i.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.SetNull);
        // The notebook's prompts stay in their squares, whoever writes the row.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_swot_items_opportunity_square", "opportunity IS NULL OR quadrant = 'Opportunity'");
            t.HasCheckConstraint("ck_swot_items_risk_square", "risk IS NULL OR quadrant = 'Threat'");
        });

        // Few links per item, always read with it.
        builder.HasMany(i => i.Experiments).WithOne().HasForeignKey(l => l.ItemId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Experiments).HasField("_experiments").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class SwotItemExperimentConfiguration : IEntityTypeConfiguration<SwotItemExperiment>
{
    public void Configure(EntityTypeBuilder<SwotItemExperiment> builder)
    {
        builder.ToTable("swot_item_experiments");
        builder.HasKey(l => new { l.ItemId, l.ExperimentId });
        // The experiment page lists the items linked to it.
        builder.HasIndex(l => l.ExperimentId);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(l => l.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
