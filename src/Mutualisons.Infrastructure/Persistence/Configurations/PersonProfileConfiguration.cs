using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.People;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class PersonProfileConfiguration : IEntityTypeConfiguration<PersonProfile>
{
    public void Configure(EntityTypeBuilder<PersonProfile> builder)
    {
        builder.ToTable("person_profiles");
        builder.HasKey(p => p.PersonId);
        builder.Property(p => p.PersonId).ValueGeneratedNever();
        builder.Property(p => p.Interests).HasMaxLength(Limits.ShortText);
        builder.PrimitiveCollection(p => p.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(p => p.Languages).HasField("_languages").UsePropertyAccessMode(PropertyAccessMode.Field).ElementType(e => e.HasConversion<string>());
        // The profile is the person's: it goes with their account.
        builder.HasOne<UserAccount>().WithOne().HasForeignKey<PersonProfile>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
