using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Sending;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>A small questionnaire in Headquarters for Change, run by its facilitator (the demo "coordination" account).</summary>
internal sealed class DiagnosticScenario(AppFixture app)
{
    public const string Facilitator = DemoAppFixture.Coordination;

    public Guid LabId { get; private set; }

    public Guid QuestionnaireId { get; private set; }

    public QuestionnaireContent Content { get; } = Build();

    public QuestionDefinition Workshop => Content.Sections[0].Questions[0];

    public QuestionDefinition Availability => Content.Sections[0].Questions[1];

    public QuestionDefinition Staff => Content.Sections[0].Questions[2];

    public QuestionDefinition Needs => Content.Sections[1].Questions[0];

    public QuestionDefinition Comment => Content.Sections[1].Questions[1];

    public static QuestionnaireContent Build()
    {
        var workshop = new QuestionDefinition { Type = QuestionType.YesNo, Required = true, Text = new("Participeriez-vous à un atelier ?", "Zou u deelnemen aan een workshop?", "Would you join a workshop?") };
        return new QuestionnaireContent
        {
            Title = new("Besoins du lieu", "Noden van de plek", "Needs of the place"),
            Sections =
            [
                new SectionDefinition
                {
                    Title = new("Votre organisation", "Uw organisatie", "Your organisation"),
                    Questions =
                    [
                        workshop,
                        new QuestionDefinition { Type = QuestionType.ShortText, Required = true, Text = new("Quand êtes-vous disponible ?", "Wanneer bent u beschikbaar?", "When are you available?"), Condition = new DisplayCondition { QuestionId = workshop.Id, Values = [QuestionDefinition.Yes] } },
                        new QuestionDefinition { Type = QuestionType.Number, Minimum = 0, Maximum = 500, Text = new("Combien de salariés ?", "Hoeveel werknemers?", "How many staff?") },
                    ],
                },
                new SectionDefinition
                {
                    Title = new("Vos besoins", "Uw noden", "Your needs"),
                    Questions =
                    [
                        new QuestionDefinition { Type = QuestionType.MultipleChoice, Required = true, AllowOther = true, Text = new("De quoi avez-vous besoin ?", "Wat hebt u nodig?", "What do you need?"),
                            Options = [new OptionDefinition { Text = new("Salles de réunion", "Vergaderzalen", "Meeting rooms") }, new OptionDefinition { Text = new("Bureaux", "Kantoren", "Offices") }] },
                        new QuestionDefinition { Type = QuestionType.LongText, Text = new("Un commentaire ?", "Een opmerking?", "A comment?") },
                    ],
                },
            ],
        };
    }

    public async Task<DiagnosticScenario> PublishAsync(string title)
    {
        await using (var db = app.CreateDbContext())
        {
            LabId = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        }
        var created = await app.AsAsync<QuestionnaireService, SaveResult>(Facilitator, s => s.CreateAsync(LabId, new NewQuestionnaireInput { Title = title }));
        Assert.True(created.Succeeded, created.MessageKey);
        QuestionnaireId = created.Id!.Value;
        Content.Title.Fr = title;
        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(Facilitator, async s => await s.SaveDraftAsync(LabId, QuestionnaireId, await VersionAsync(), Content))).Succeeded);
        var published = await app.AsAsync<QuestionnaireService, SaveResult>(Facilitator, async s => await s.PublishAsync(LabId, QuestionnaireId, await VersionAsync()));
        Assert.True(published.Succeeded, published.MessageKey);
        return this;
    }

    public async Task<uint> VersionAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Questionnaires.Where(q => q.Id == QuestionnaireId).Select(q => q.Version).SingleAsync();
    }

    /// <summary>Invites organisations by name and returns their personal paths ("/r/…").</summary>
    public async Task<Dictionary<string, string>> InviteAsync(params string[] organisations)
    {
        Guid[] ids;
        await using (var db = app.CreateDbContext())
        {
            ids = [.. await db.Organisations.Where(o => organisations.Contains(o.Name)).Select(o => o.Id).ToListAsync()];
        }
        var invited = await app.AsAsync<SendingService, SaveResult>(Facilitator, s => s.InviteAsync(LabId, QuestionnaireId, ids, new Uri("http://localhost/")));
        Assert.True(invited.Succeeded, invited.MessageKey);
        var sending = await app.AsAsync<SendingService, QuestionnaireSending?>(Facilitator, s => s.GetSendingAsync(LabId, QuestionnaireId));
        return sending!.Invitations.Where(i => organisations.Contains(i.Organisation)).ToDictionary(i => i.Organisation, i => i.Path!);
    }
}
