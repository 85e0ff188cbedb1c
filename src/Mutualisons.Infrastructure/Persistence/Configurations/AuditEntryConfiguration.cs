using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Subject).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(Limits.Reason);
        builder.HasIndex(a => new { a.LabId, a.At });
        builder.HasOne<Mutualisation>().WithMany().HasForeignKey(a => a.LabId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account leaves its entries, attributed to nobody.
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
