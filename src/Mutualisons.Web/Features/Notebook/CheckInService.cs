using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Notebook;

/// <summary>
/// The pilot group's navigation: its periodic check-ins (where it stands, what worries it, whether it wants
/// outside facilitation) on one timeline with the journal of the lab's moves between cycles.
/// </summary>
public sealed class CheckInService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    TimeProvider time,
    IValidator<CheckInInput> validator)
{
    public async Task<NavigationView?> GetNavigationAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var lab = await db.Mutualisations.Where(m => m.Id == labId).Select(m => new { m.Name, m.CurrentFocus }).SingleAsync(cancellationToken);
        var checkIns = await db.NavigationCheckIns.AsNoTracking().Where(c => c.LabId == labId)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
        var moves = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Journal)
            .Select(j => new { j.From, j.To, j.MovedAt, j.MovedBy, j.Reason }).ToListAsync(cancellationToken);
        var timeline = checkIns.Select(c => new NavigationEvent(c.HeldOn, c.RecordedAt, c.RecordedBy,
                new CheckInRow(c.Id, c.Version, c.Focus, c.WhereWeAre, c.Worries, c.Weather, c.Facilitation), null))
            .Concat(moves.Select(m => new NavigationEvent(DateOnly.FromDateTime(Formats.BrusselsDay(m.MovedAt)), m.MovedAt, m.MovedBy, null, new MoveRow(m.From, m.To, m.Reason))))
            .OrderByDescending(e => e.Day).ThenByDescending(e => e.At)
            .ToList();
        var today = DateOnly.FromDateTime(Formats.BrusselsDay(time.GetUtcNow()));
        return new NavigationView(lab.Name, role.Allows(LabRight.NavigateCycles), lab.CurrentFocus, timeline, checkIns.Count,
            NavigationCheckIn.CallForOutsideHelp(checkIns), checkIns.FirstOrDefault()?.HeldOn, new CheckInInput { HeldOn = DayText.Of(today) });
    }

    /// <summary>Records a check-in; the lab's focus at that moment is kept with it.</summary>
    public Task<SaveResult> RecordAsync(Guid labId, CheckInInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.NavigateCycles).Validating(input, validator).CreateAsync<NavigationCheckIn>(async write =>
        {
            var focus = await write.Db.Mutualisations.Where(m => m.Id == labId).Select(m => m.CurrentFocus).SingleAsync(write.CancellationToken);
            var checkIn = new NavigationCheckIn(labId, DayText.Parse(input.HeldOn)!.Value, focus, write.Actor.UserId, write.Actor.DisplayName, write.Now);
            checkIn.Record(input.WhereWeAre, input.Worries, input.Weather, input.Facilitation);
            return (checkIn, $"{DayText.Of(checkIn.HeldOn)} — {AuditText.Of(checkIn.Weather)}");
        }, cancellationToken);
    }

    public Task<SaveResult> DeleteAsync(Guid labId, Guid checkInId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.NavigateCycles).DeleteAsync<NavigationCheckIn>(checkInId, version, (checkIn, _) => DayText.Of(checkIn.HeldOn), cancellationToken);
}

public sealed record NavigationView(string LabName, bool MayRecord, Cycle? CurrentFocus, IReadOnlyList<NavigationEvent> Timeline, int CheckInCount,
    bool OutsideHelpCalledFor, DateOnly? LastCheckIn, CheckInInput NewCheckIn);

/// <summary>One line of the timeline: a check-in or a move of the focus.</summary>
public sealed record NavigationEvent(DateOnly Day, DateTimeOffset At, string By, CheckInRow? CheckIn, MoveRow? Move);

public sealed record CheckInRow(Guid Id, uint Version, Cycle? Focus, string WhereWeAre, string Worries, NavigationWeather Weather, FacilitationNeed Facilitation);

public sealed record MoveRow(Cycle? From, Cycle To, string Reason);
