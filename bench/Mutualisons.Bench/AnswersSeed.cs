using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Mutualisons.Bench;

/// <summary>A published questionnaire of the benchmark, and the plain tokens of its personal links.</summary>
internal sealed record SeededQuestionnaire(Guid Id, Guid VersionId, QuestionnaireContent Content, IReadOnlyList<string> Tokens);

/// <summary>
/// What the answers benchmark starts from: a lab, its facilitator, organisations, and questionnaires with
/// personal links. Entities with rules go through the domain; the bulk rows (organisations, invitations)
/// are copied in binary, which the brief allows for seeding.
/// </summary>
internal sealed class AnswersSeed(IServiceProvider services, string connectionString)
{
    public const string FacilitatorEmail = "facilitator@bench.example.org";
    public const int QuestionCount = 30;

    private static readonly string[] Sectors = ["Logement", "Alimentation", "Culture", "Mobilité", "Énergie", "Éducation permanente", "Santé", "Environnement"];

    public Guid LabId { get; private set; }

    public Guid FacilitatorId { get; private set; }

    public IReadOnlyList<Guid> Organisations { get; private set; } = [];

    public async Task SeedLabAsync(int organisations)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount { UserName = FacilitatorEmail, Email = FacilitatorEmail, DisplayName = "Bench facilitator", CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(account, BenchApp.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        FacilitatorId = account.Id;

        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var lab = new Mutualisation("Bench lab", null, [ResourceKind.Place], CooperationLevel.Reinforced, DateTimeOffset.UtcNow.AddYears(-1));
        lab.GrantRole(account.Id, LabRole.Facilitator, null, DateTimeOffset.UtcNow);
        db.Mutualisations.Add(lab);
        await db.SaveChangesAsync();
        LabId = lab.Id;

        var ids = Enumerable.Range(0, organisations).Select(_ => Guid.CreateVersion7()).ToList();
        var kinds = Enum.GetNames<OrganisationKind>();
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy organisations (id, name, kind, sector, mission, website, languages, created_at, updated_at, address_city, address_country, address_postal_code, address_street) from stdin (format binary)"))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync($"Organisation {i + 1:D5}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(kinds[i % kinds.Length], NpgsqlDbType.Varchar);
                await copy.WriteAsync(Sectors[i % Sectors.Length], NpgsqlDbType.Varchar);
                await copy.WriteAsync(string.Empty, NpgsqlDbType.Varchar);
                await copy.WriteAsync(string.Empty, NpgsqlDbType.Varchar);
                await copy.WriteAsync(new[] { nameof(Language.French) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("Bruxelles", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Belgique", NpgsqlDbType.Varchar);
                await copy.WriteAsync("1000", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"Rue de l'Exemple {i + 1}", NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
        }
        Organisations = ids;
    }

    /// <summary>Creates and publishes a questionnaire with its own question ids, and invites the first <paramref name="invited"/> organisations.</summary>
    public async Task<SeededQuestionnaire> PublishAsync(string title, int invited)
    {
        var content = BuildContent(title);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var questionnaire = new Questionnaire(LabId, content, FacilitatorId, now);
        var version = questionnaire.Publish(FacilitatorId, now);
        db.Questionnaires.Add(questionnaire);
        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync();

        var tokens = invited > 0 ? await InviteAsync(questionnaire.Id, invited) : [];
        return new SeededQuestionnaire(questionnaire.Id, version.Id, version.Content, tokens);
    }

    /// <summary>Fresh statistics, as autovacuum would have gathered them by the time anyone reads results.</summary>
    public async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("analyze organisations, questionnaires, questionnaire_versions, questionnaire_invitations, questionnaire_responses, questionnaire_answers", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<string>> InviteAsync(Guid questionnaireId, int count)
    {
        // The protector QuestionnaireService uses, so the sending page could show these links too.
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Mutualisons.Questionnaires.Links");
        var tokens = new List<string>(count);
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy questionnaire_invitations (id, questionnaire_id, organisation_id, email, token_hash, token_protected, invited_at, reminder_count) from stdin (format binary)");
        foreach (var organisation in Organisations.Take(count))
        {
            var token = SecretToken.New();
            tokens.Add(token);
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await copy.WriteAsync(questionnaireId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(organisation, NpgsqlDbType.Uuid);
            await copy.WriteAsync(string.Empty, NpgsqlDbType.Varchar);
            await copy.WriteAsync(SecretToken.HashOf(token), NpgsqlDbType.Varchar);
            await copy.WriteAsync(protector.Protect(token), NpgsqlDbType.Varchar);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
        return tokens;
    }

    /// <summary>
    /// 30 questions on one page (one post is one submission), every type in turn, trilingual, with help texts
    /// and "other" choices here and there. New ids on every call, as a new questionnaire would have.
    /// </summary>
    public static QuestionnaireContent BuildContent(string title)
    {
        var types = Enum.GetValues<QuestionType>();
        var questions = new List<QuestionDefinition>();
        for (var i = 0; i < QuestionCount; i++)
        {
            var n = i + 1;
            var type = types[i % types.Length];
            var question = new QuestionDefinition
            {
                Type = type,
                Required = i % 2 == 0,
                Text = new($"Q{n} — Pour votre organisation, {Topic(type, "fr")} ?", $"V{n} — Voor uw organisatie, {Topic(type, "nl")}?", $"Q{n} — For your organisation, {Topic(type, "en")}?"),
                Help = i % 3 == 0 ? new("Répondez pour l'ensemble de l'organisation.", "Antwoord voor de hele organisatie.", "Answer for the whole organisation.") : new(),
            };
            switch (type)
            {
                case QuestionType.SingleChoice:
                    question.Options = Options(5, n);
                    question.AllowOther = i % 2 == 1;
                    break;
                case QuestionType.MultipleChoice:
                    question.Options = Options(6, n);
                    question.AllowOther = true;
                    break;
                case QuestionType.Ranking:
                    question.Options = Options(4, n);
                    break;
                case QuestionType.Scale:
                    question.ScaleMinLabel = new("Pas du tout", "Helemaal niet", "Not at all");
                    question.ScaleMaxLabel = new("Tout à fait", "Helemaal wel", "Completely");
                    break;
                case QuestionType.Number:
                    question.Minimum = 0;
                    question.Maximum = 500;
                    break;
                default:
                    break;
            }
            questions.Add(question);
        }
        return new QuestionnaireContent
        {
            Title = new(title, title, title),
            Introduction = new("Ce questionnaire aide le laboratoire à connaître vos besoins.", "Deze vragenlijst helpt het lab uw noden te kennen.", "This questionnaire helps the lab learn your needs."),
            Sections = [new SectionDefinition { Title = new("Vos besoins", "Uw noden", "Your needs"), Questions = questions }],
        };
    }

    private static List<OptionDefinition> Options(int count, int question) =>
        [.. Enumerable.Range(1, count).Select(o => new OptionDefinition { Text = new($"Proposition {question}.{o}", $"Voorstel {question}.{o}", $"Option {question}.{o}") })];

    private static string Topic(QuestionType type, string language) => (type, language) switch
    {
        (QuestionType.Number, "fr") => "combien de personnes seraient concernées",
        (QuestionType.Number, "nl") => "hoeveel mensen zouden betrokken zijn",
        (QuestionType.Number, _) => "how many people would be involved",
        (QuestionType.ShortText or QuestionType.LongText, "fr") => "décrivez ce qui vous manque le plus",
        (QuestionType.ShortText or QuestionType.LongText, "nl") => "beschrijf wat u het meest mist",
        (QuestionType.ShortText or QuestionType.LongText, _) => "describe what you miss most",
        (_, "fr") => "quelles ressources partagées vous seraient les plus utiles",
        (_, "nl") => "welke gedeelde middelen zouden het nuttigst zijn",
        _ => "which shared resources would help most",
    };
}
