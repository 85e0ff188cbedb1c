using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources.MapData;
using NpgsqlTypes;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal static class MapContentColumn
{
    // An entry's content is read and replaced as a whole (a contribution proposes all of it), so one JSON
    // document; the fields queries filter on are columns of their own on the entry.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(MapEntryContent content) => JsonSerializer.Serialize(content, Json);

    public static MapEntryContent FromJson(string json) => JsonSerializer.Deserialize<MapEntryContent>(json, Json)!;

    public static ValueComparer<MapEntryContent?> Comparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && ToJson(a) == ToJson(b),
        c => c == null ? 0 : ToJson(c).GetHashCode(StringComparison.Ordinal),
        c => c == null ? null : FromJson(ToJson(c)));
}

internal sealed class MapDataSetConfiguration : IEntityTypeConfiguration<MapDataSet>
{
    public void Configure(EntityTypeBuilder<MapDataSet> builder)
    {
        builder.ToTable("map_data_sets", t => t.HasCheckConstraint("ck_map_data_sets_approvals", "approvals_required BETWEEN 1 AND 20"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(d => d.Licence).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(d => d.Version).IsRowVersion();
        builder.Ignore(d => d.IsPublished);
        builder.Ignore(d => d.ConsentingOrganisations);
        builder.HasIndex(d => new { d.LabId, d.Name }).IsUnique();
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(d => d.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Contributors).WithOne().HasForeignKey(c => c.DataSetId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Contributors).HasField("_contributors").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(d => d.Categories).WithOne().HasForeignKey(c => c.DataSetId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Categories).HasField("_categories").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class MapContributorConfiguration : IEntityTypeConfiguration<MapContributor>
{
    public void Configure(EntityTypeBuilder<MapContributor> builder)
    {
        builder.ToTable("map_contributors");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.DataSetId, c.OrganisationId }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MapCategoryConfiguration : IEntityTypeConfiguration<MapCategory>
{
    public void Configure(EntityTypeBuilder<MapCategory> builder)
    {
        builder.ToTable("map_categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.NameFr).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(c => c.NameNl).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(Limits.ShortText).IsRequired();
        // A parent goes only once it has no children (the domain refuses otherwise); NO ACTION, checked at the end
        // of the statement, still lets a data set's deletion take its whole tree at once.
        builder.HasOne<MapCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.NoAction);
    }
}

/// <summary>
/// An entry, with its accepted content as JSON and the fields that queries filter on as columns. Its
/// position is also a PostgreSQL <c>point</c> (longitude, latitude) computed from them, with a GiST index: a
/// map's viewport is a <c>box</c> query that PostgreSQL answers from the index.
/// </summary>
internal sealed class MapEntryConfiguration : IEntityTypeConfiguration<MapEntry>
{
    public const string Location = "Location";

    public void Configure(EntityTypeBuilder<MapEntry> builder)
    {
        builder.ToTable("map_entries", t => t.HasCheckConstraint("ck_map_entries_coordinates", "latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Current).HasColumnType("jsonb")
            .HasConversion(c => c == null ? null : MapContentColumn.ToJson(c), s => s == null ? null : MapContentColumn.FromJson(s), MapContentColumn.Comparer);
        builder.Property(e => e.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.PrimitiveCollection(e => e.CategoryIds);
        builder.Property<NpgsqlPoint?>(Location).HasComputedColumnSql("point(longitude, latitude)", stored: true);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.IsAccepted);
        builder.Ignore(e => e.Pending);
        builder.HasIndex(Location).HasMethod("gist");
        builder.HasIndex(e => new { e.DataSetId, e.Name });
        builder.HasIndex(e => e.CategoryIds).HasMethod("gin");
        builder.HasIndex(e => e.LabId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(e => e.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MapDataSet>().WithMany().HasForeignKey(e => e.DataSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.SourceOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Contributions).WithOne().HasForeignKey(c => c.EntryId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Contributions).HasField("_contributions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EntryId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MapContributionConfiguration : IEntityTypeConfiguration<MapContribution>
{
    public void Configure(EntityTypeBuilder<MapContribution> builder)
    {
        builder.ToTable("map_contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Content).HasColumnType("jsonb")
            .HasConversion(c => MapContentColumn.ToJson(c), s => MapContentColumn.FromJson(s), MapContentColumn.Comparer!)
            .IsRequired();
        builder.Property(c => c.RefusalReason).HasMaxLength(Limits.Reason);
        builder.PrimitiveCollection(c => c.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
        // The moderation queue reads the pending ones.
        builder.HasIndex(c => c.Status);
    }
}

internal sealed class MapEntryEventConfiguration : IEntityTypeConfiguration<MapEntryEvent>
{
    public void Configure(EntityTypeBuilder<MapEntryEvent> builder)
    {
        builder.ToTable("map_entry_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Reason).HasMaxLength(Limits.Reason);
        builder.Property(h => h.Changes).HasMaxLength(Limits.ShortText);
    }
}
