using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class ResourceDeclarationConfiguration : IEntityTypeConfiguration<ResourceDeclaration>
{
    public void Configure(EntityTypeBuilder<ResourceDeclaration> builder)
    {
        builder.ToTable("resource_declarations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(d => d.Equipment).HasMaxLength(Limits.ShortText);
        builder.Property(d => d.Theme).HasMaxLength(Limits.ShortText);
        builder.Property(d => d.Format).HasMaxLength(Limits.ShortText);
        builder.Property(d => d.Licence).HasMaxLength(Limits.ShortText);
        // Several days at once: a bit set, not a name, so any combination fits the column.
        builder.Property(d => d.Days).HasConversion<int>();
        builder.Property(d => d.From).HasColumnName("available_from");
        builder.Property(d => d.Until).HasColumnName("available_until");
        builder.Property(d => d.AreaSquareMetres).HasPrecision(12, 2);
        builder.Property(d => d.HoursPerMonth).HasPrecision(8, 2);
        builder.Property(d => d.Version).IsRowVersion();
        builder.Ignore(d => d.IsOffer);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_resource_declarations_quantities", "(capacity IS NULL OR capacity > 0) AND (area_square_metres IS NULL OR area_square_metres > 0) AND (hours_per_month IS NULL OR hours_per_month > 0)");
            t.HasCheckConstraint("ck_resource_declarations_time_range", "(available_from IS NULL AND available_until IS NULL) OR available_from < available_until");
        });
        builder.HasIndex(d => new { d.LabId, d.Side, d.Kind });
        builder.HasIndex(d => d.OrganisationId);
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(d => d.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(d => d.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PoolingAgreementConfiguration : IEntityTypeConfiguration<PoolingAgreement>
{
    public void Configure(EntityTypeBuilder<PoolingAgreement> builder)
    {
        builder.ToTable("pooling_agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(a => a.Terms).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(a => a.YearlyCostSaved).HasPrecision(12, 2);
        builder.Property(a => a.AreaSquareMetres).HasPrecision(12, 2);
        builder.Property(a => a.HoursPerMonth).HasPrecision(8, 2);
        builder.Property(a => a.Version).IsRowVersion();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_pooling_agreements_dates", "ends_on IS NULL OR ends_on >= starts_on");
            t.HasCheckConstraint("ck_pooling_agreements_cost_saved", "yearly_cost_saved IS NULL OR yearly_cost_saved >= 0");
        });
        builder.HasIndex(a => new { a.LabId, a.StartsOn });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(a => a.LabId).OnDelete(DeleteBehavior.Cascade);
        // The agreement stays as agreed when a declaration it came from is removed.
        builder.HasOne<ResourceDeclaration>().WithMany().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ResourceDeclaration>().WithMany().HasForeignKey(a => a.NeedId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
