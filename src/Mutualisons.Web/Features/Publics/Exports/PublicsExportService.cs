using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Publics.Exports;

/// <summary>The participation matrix and its history as CSV, streamed from the database for every lab member.</summary>
public sealed class PublicsExportService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// Writes the matrix (one line per stakeholder, target and reached per cycle) as CSV, streamed from the
    /// database; false when the person has no role in the lab.
    /// </summary>
    public async Task<bool> WriteMatrixCsvAsync(Guid labId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return false;
        }
        var cycles = Enum.GetValues<Cycle>();
        var csv = new CsvWriter(output, CsvFormat.For(ProductLocalization.CurrentLanguage));
        await csv.WriteRowAsync([l["Stakeholders.Name"], l["Stakeholders.Kind"], .. cycles.SelectMany(c => new[] { $"{l.Enum(c)} — {l["Publics.Target"]}", $"{l.Enum(c)} — {l["Publics.Reached"]}" })], cancellationToken);
        var rows = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId)
            .SelectMany(ParticipationLevels.Of)
            .OrderBy(x => x.Name).ThenBy(x => x.StakeholderId)
            .AsAsyncEnumerable();
        // One row per stakeholder: its five cycles arrive one after another.
        var current = new List<ParticipationLevels>();
        async Task FlushAsync()
        {
            if (current.Count == 0)
            {
                return;
            }
            var levels = current.ToDictionary(x => x.Cycle);
            await csv.WriteRowAsync([current[0].Name, l.Enum(current[0].Kind), .. cycles.SelectMany(c => new[] { LevelText(levels.GetValueOrDefault(c)?.Target), LevelText(levels.GetValueOrDefault(c)?.Reached) })], cancellationToken);
            current.Clear();
        }
        await foreach (var level in rows.WithCancellation(cancellationToken))
        {
            if (current.Count > 0 && current[0].StakeholderId != level.StakeholderId)
            {
                await FlushAsync();
            }
            current.Add(level);
        }
        await FlushAsync();
        return true;
    }

    /// <summary>Writes every change of targets and reached levels, oldest first, as CSV.</summary>
    public async Task<bool> WriteHistoryCsvAsync(Guid labId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return false;
        }
        var csv = new CsvWriter(output, CsvFormat.For(ProductLocalization.CurrentLanguage));
        await csv.WriteRowAsync([l["Audit.When"], l["Stakeholders.Name"], l["Publics.Cycle"], l["Audit.What"], l["Publics.From"], l["Publics.To"], l["Audit.Who"], l["Audit.Details"]], cancellationToken);
        var changes = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId)
            .SelectMany(s => s.History.Select(h => new { s.Name, h.At, h.Cycle, h.Aspect, h.From, h.To, h.By, h.Reason }))
            .OrderBy(h => h.At)
            .GroupJoin(db.Users, h => h.By, u => u.Id, (h, u) => new { h, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.h, Author = u == null ? null : u.DisplayName })
            .AsAsyncEnumerable();
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            var who = change.Author ?? (change.h.By is null ? l["Publics.ByAttendance"] : l["User.Deleted"]);
            await csv.WriteRowAsync([change.h.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), change.h.Name, l.Enum(change.h.Cycle), l[$"Publics.Aspect.{change.h.Aspect}"], LevelText(change.h.From), LevelText(change.h.To), who, AuditText.Translate(change.h.Reason, l)], cancellationToken);
        }
        return true;
    }

    private string LevelText(ParticipationLevel? level) => level is { } value ? l.Enum(value) : string.Empty;
}
