using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Impact;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.IntegrationTests.Impact;

/// <summary>Impact statements on a real database: versions kept, who may write which, other labs' ids.</summary>
public sealed class ImpactStatementTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Paula = DemoAppFixture.Participant;

    private async Task<(Guid Lab, Guid Own, Guid Other)> BotaAsync()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        var own = await db.Organisations.Where(o => o.Name == "Médecins du Monde").Select(o => o.Id).SingleAsync();
        var other = await db.Organisations.Where(o => o.Name == "Réseau Financité").Select(o => o.Id).SingleAsync();
        return (lab, own, other);
    }

    private Task<StatementView?> ViewAsync(string who, Guid lab, Guid organisation) =>
        app.AsAsync<ImpactStatementService, StatementView?>(who, s => s.GetStatementAsync(lab, organisation));

    private Task<SaveResult> SaveAsync(string who, Guid lab, Guid organisation, StatementInput input) =>
        app.AsAsync<ImpactStatementService, SaveResult>(who, s => s.SaveStatementAsync(lab, organisation, input));

    [Fact]
    public async Task Each_save_keeps_a_version_who_made_it_and_what_changed_and_earlier_versions_stay_readable()
    {
        var (lab, own, _) = await BotaAsync();
        var empty = (await ViewAsync(Paula, lab, own))!;
        Assert.False(empty.Exists);
        Assert.True(empty.MayEdit);
        // The form starts from the mission of the organisation's profile.
        Assert.StartsWith("Soigner les personnes exclues", empty.Input.Mission, StringComparison.Ordinal);

        var first = empty.Input;
        first.ChangeSought = "Un accès aux soins pour les personnes exclues";
        first.Audiences.Add(Audience.Beneficiaries);
        Assert.True((await SaveAsync(Paula, lab, own, first)).Succeeded);

        var saved = (await ViewAsync(Paula, lab, own))!;
        var second = saved.Input;
        second.ChangeSought = "Un accès aux soins, et des témoignages sur ce qui l'empêche";
        second.Natures.Add(EffectNature.Social);
        second.Significance = "Personne d'autre ne soigne sans conditions dans le quartier";
        Assert.True((await SaveAsync(Paula, lab, own, second)).Succeeded);

        var revised = (await ViewAsync(DemoAppFixture.Observer, lab, own))!;
        Assert.False(revised.MayEdit);
        Assert.Equal([2, 1], revised.Revisions.Select(r => r.Number));
        var (latest, earlier) = (revised.Revisions[0], revised.Revisions[1]);
        Assert.Equal([StatementField.ChangeSought, StatementField.Natures, StatementField.Significance], latest.Changed);
        Assert.Equal("Paula (Médecins du Monde)", latest.By);
        Assert.Equal("Un accès aux soins pour les personnes exclues", earlier.ChangeSought);
        Assert.Empty(earlier.Natures);
        Assert.Equal("Un accès aux soins, et des témoignages sur ce qui l'empêche", revised.Input.ChangeSought);

        // A save from a page opened before the last one overwrites nothing.
        second.Significance = "Plus rien";
        Assert.Equal(SaveStatus.Conflict, (await SaveAsync(Paula, lab, own, second)).Status);
        Assert.Equal(2, (await ViewAsync(Paula, lab, own))!.Revisions.Count);
    }

    [Fact]
    public async Task A_participant_writes_only_the_statement_of_the_organisation_they_represent()
    {
        var (lab, own, other) = await BotaAsync();
        var financite = (await ViewAsync(Paula, lab, other))!;
        Assert.False(financite.MayEdit);
        Assert.True(financite.Exists);

        var input = financite.Input;
        input.ChangeSought = "Réécrit par quelqu'un d'une autre organisation";
        Assert.Equal(SaveStatus.Forbidden, (await SaveAsync(Paula, lab, other, input)).Status);
        Assert.Equal(SaveStatus.Forbidden, (await SaveAsync(DemoAppFixture.Observer, lab, own, new StatementInput { ChangeSought = "Observer n'écrit pas" })).Status);

        // The pilot group writes any member's statement.
        Assert.True((await SaveAsync(DemoAppFixture.Pilot, lab, other, input)).Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.ImpactStatementRevisions.CountAsync(r => EF.Property<Guid>(r, "StatementId") == db.ImpactStatements.Single(s => s.LabId == lab && s.OrganisationId == other).Id));
        Assert.Contains(await db.AuditEntries.Where(a => a.LabId == lab && a.Subject == ImpactStatement.AuditSubject).Select(a => a.Summary).ToListAsync(), s => s.StartsWith("Réseau Financité", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_labs_statements_and_organisations_answer_not_found()
    {
        var (lab, own, _) = await BotaAsync();
        Guid inCommonOrganisation;
        await using (var db = app.CreateDbContext())
        {
            inCommonOrganisation = await db.Mutualisations.Where(m => m.Name == "In Common").SelectMany(m => m.Memberships).Select(m => m.OrganisationId)
                .Where(id => !db.Mutualisations.Any(b => b.Id == lab && b.Memberships.Any(x => x.OrganisationId == id))).FirstAsync();
        }

        // Camille runs other labs, not Bota 75.
        Assert.Null(await ViewAsync(DemoAppFixture.Coordination, lab, own));
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(DemoAppFixture.Coordination, lab, own, new StatementInput { ChangeSought = "Intrusion" })).Status);
        // An organisation that is not in the lab has no statement there.
        Assert.Null(await ViewAsync(DemoAppFixture.Pilot, lab, inCommonOrganisation));
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(DemoAppFixture.Pilot, lab, inCommonOrganisation, new StatementInput { ChangeSought = "Hors du lab" })).Status);
        await using var reading = app.CreateDbContext();
        Assert.False(await reading.ImpactStatements.AnyAsync(s => s.OrganisationId == inCommonOrganisation || s.OrganisationId == own));
    }

    [Fact]
    public async Task Two_first_statements_saved_at_once_give_one_statement_and_a_clear_answer_to_the_other()
    {
        var (lab, own, _) = await BotaAsync();

        var results = await Task.WhenAll(
            SaveAsync(Paula, lab, own, new StatementInput { ChangeSought = "Première version de Paula" }),
            SaveAsync(DemoAppFixture.Pilot, lab, own, new StatementInput { ChangeSought = "Première version du groupe pilote" }));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Status is SaveStatus.Conflict || r.MessageKey == "Rule.Impact.StatementExists");
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.ImpactStatements.CountAsync(s => s.LabId == lab && s.OrganisationId == own));
        Assert.Equal(1, await db.ImpactStatementRevisions.CountAsync(r => EF.Property<Guid>(r, "StatementId") == db.ImpactStatements.Single(s => s.LabId == lab && s.OrganisationId == own).Id));
    }

    [Fact]
    public async Task An_invalid_statement_saves_nothing_and_says_why_beside_the_field()
    {
        var (lab, own, _) = await BotaAsync();

        var tooLong = await SaveAsync(Paula, lab, own, new StatementInput { ChangeSought = new string('x', Domain.Common.Limits.LongText + 1) });
        var empty = await SaveAsync(Paula, lab, own, new StatementInput());

        Assert.Equal(SaveStatus.Invalid, tooLong.Status);
        Assert.Contains(nameof(StatementInput.ChangeSought), tooLong.Errors!.Keys);
        Assert.Equal(SaveStatus.Invalid, empty.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ImpactStatements.AnyAsync(s => s.LabId == lab && s.OrganisationId == own));
    }
}
