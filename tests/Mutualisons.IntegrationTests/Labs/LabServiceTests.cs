using System.Globalization;
using Mutualisons.Domain.Labs;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;

namespace Mutualisons.IntegrationTests.Labs;

public sealed class LabServiceTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private async Task<LabOverview> LabAsync(string name)
    {
        var labs = await app.AsAsync<LabService, IReadOnlyList<LabCard>>(DemoAppFixture.Admin, s => s.ListAsync());
        var id = labs.Single(l => l.Name == name).Id;
        return (await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Admin, s => s.GetOverviewAsync(id)))!;
    }

    [Fact]
    public async Task The_overview_shows_five_cycles_the_members_and_the_journal_newest_first()
    {
        var lab = await LabAsync("Bota 75");

        Assert.Equal(Enum.GetValues<Cycle>(), lab.Cycles.Select(c => c.Cycle));
        Assert.Equal(4, lab.Members.Count);
        Assert.Contains(lab.Members, m => m.Name == "Médecins du Monde" && m.Role == MembershipRole.PilotGroupMember);
        Assert.Equal(lab.Journal.OrderByDescending(j => j.MovedAt).Select(j => j.Id), lab.Journal.Select(j => j.Id));
        Assert.Equal(lab.CurrentFocus, lab.Journal[0].To);
    }

    [Fact]
    public async Task Moving_the_focus_writes_the_journal_and_opens_the_cycle()
    {
        var lab = await LabAsync("In Common");
        var target = lab.CurrentFocus == Cycle.CoreMethods ? Cycle.Impact : Cycle.CoreMethods;

        var result = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Admin, s => s.MoveFocusAsync(lab.Id,
            new MoveFocusInput { To = target, Reason = "Adapter la méthode au nombre de participants.", Version = lab.Version }));

        Assert.True(result.Succeeded, result.MessageKey);
        var after = (await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Admin, s => s.GetOverviewAsync(lab.Id)))!;
        Assert.Equal(target, after.CurrentFocus);
        var entry = after.Journal[0];
        Assert.Equal((lab.CurrentFocus, target, "Alex (administration)"), (entry.From, entry.To, entry.MovedBy));
        Assert.NotEqual(CycleState.NotStarted, after.CycleOf(target).State);
    }

    [Fact]
    public async Task A_move_without_a_reason_is_refused_in_french_and_the_journal_is_unchanged()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fr");
        var lab = await LabAsync("Headquarters for Change");

        var result = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Admin, s => s.MoveFocusAsync(lab.Id,
            new MoveFocusInput { To = Cycle.ToolConfiguration, Reason = "  ", Version = lab.Version }));

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.StartsWith("Expliquez pourquoi le focus change", Assert.Single(result.Errors![nameof(MoveFocusInput.Reason)]), StringComparison.Ordinal);
        var after = (await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Admin, s => s.GetOverviewAsync(lab.Id)))!;
        Assert.Equal(lab.Journal.Count, after.Journal.Count);
    }

    [Fact]
    public async Task A_move_from_a_stale_page_is_a_conflict()
    {
        var lab = await LabAsync("Bota 75");
        var first = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Admin, s => s.RecordCycleAsync(lab.Id, Cycle.Publics,
            new RecordCycleInput { State = CycleState.Revisiting, Notes = "Nouveaux occupants", Version = lab.Version }));
        Assert.True(first.Succeeded);

        var stale = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Admin, s => s.MoveFocusAsync(lab.Id,
            new MoveFocusInput { To = Cycle.Publics, Reason = "Accueillir les nouveaux occupants.", Version = lab.Version }));

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        var after = (await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Admin, s => s.GetOverviewAsync(lab.Id)))!;
        Assert.Equal(lab.Journal.Count, after.Journal.Count);
        Assert.Equal(CycleState.Revisiting, after.CycleOf(Cycle.Publics).State);
    }

    [Fact]
    public async Task Moving_to_the_cycle_already_in_focus_is_refused_by_the_method()
    {
        var lab = await LabAsync("In Common");

        var result = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Admin, s => s.MoveFocusAsync(lab.Id,
            new MoveFocusInput { To = lab.CurrentFocus!.Value, Reason = "Encore", Version = lab.Version }));

        Assert.Equal(SaveStatus.Refused, result.Status);
        Assert.Equal("Rule.Lab.AlreadyFocused", result.MessageKey);
    }

    [Fact]
    public async Task An_unknown_lab_is_not_found()
    {
        Assert.Null(await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Admin, s => s.GetOverviewAsync(Guid.NewGuid())));
        var result = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Admin, s => s.MoveFocusAsync(Guid.NewGuid(),
            new MoveFocusInput { To = Cycle.Impact, Reason = "Test" }));
        Assert.Equal(SaveStatus.NotFound, result.Status);
    }
}
