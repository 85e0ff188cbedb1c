using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(o => o.Sector).HasMaxLength(Limits.ShortText);
        builder.Property(o => o.Mission).HasMaxLength(Limits.LongText);
        builder.Property(o => o.Website).HasMaxLength(Limits.Url);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Name);

        builder.PrimitiveCollection(o => o.Languages)
            .HasField("_languages")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>());

        builder.ComplexProperty(o => o.Address, address =>
        {
            address.Property(a => a.Street).HasMaxLength(Limits.ShortText).HasColumnName("address_street");
            address.Property(a => a.PostalCode).HasMaxLength(Limits.PostalCode).HasColumnName("address_postal_code");
            address.Property(a => a.City).HasMaxLength(Limits.ShortText).HasColumnName("address_city");
            address.Property(a => a.Country).HasMaxLength(Limits.ShortText).HasColumnName("address_country");
            address.Property(a => a.Latitude).HasColumnName("address_latitude");
            address.Property(a => a.Longitude).HasColumnName("address_longitude");
        });

        builder.OwnsMany(o => o.Contacts, contact =>
        {
            contact.ToTable("organisation_contacts");
            contact.WithOwner().HasForeignKey("OrganisationId");
            contact.Property<int>("Id");
            contact.HasKey("Id");
            contact.Property(c => c.Name).HasMaxLength(Limits.Name).IsRequired();
            contact.Property(c => c.Email).HasMaxLength(Limits.Email);
        });
        builder.Navigation(o => o.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
