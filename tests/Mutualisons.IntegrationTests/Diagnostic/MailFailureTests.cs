using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Sending;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>The demo labs with a mail server that refuses every connection.</summary>
public sealed class SmtpDownAppFixture : AppFixture
{
    protected override bool SeedDemoData => true;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Email:Mode"] = "Smtp",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:SmtpUseTls"] = "false",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class MailFailureTests(SmtpDownAppFixture app) : CleanDatabaseTest(app), IClassFixture<SmtpDownAppFixture>
{
    [Fact]
    public async Task When_the_mail_server_is_down_the_links_are_kept_and_the_facilitator_is_told()
    {
        await using (var db = app.CreateDbContext())
        {
            db.Organisations.Add(new Organisation(new OrganisationProfile("Atelier du Midi", OrganisationKind.Cooperative, "Réemploi", "", "", PostalAddress.Unknown, [Language.French],
                [new ContactPerson("Coordination", ContactRole.Coordinator, "atelier@example.org")]), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var scenario = await new DiagnosticScenario(app).PublishAsync("Serveur en panne");
        Guid[] ids;
        await using (var db = app.CreateDbContext())
        {
            ids = [await db.Organisations.Where(o => o.Name == "Atelier du Midi").Select(o => o.Id).SingleAsync()];
        }

        var invited = await app.AsAsync<SendingService, SaveResult>(DiagnosticScenario.Facilitator, s => s.InviteAsync(scenario.LabId, scenario.QuestionnaireId, ids, new Uri("http://localhost/")));

        Assert.True(invited.Succeeded);
        Assert.Equal("Sending.MailsFailed", invited.MessageKey);
        var sending = (await app.AsAsync<SendingService, QuestionnaireSending?>(DiagnosticScenario.Facilitator, s => s.GetSendingAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        Assert.StartsWith("/r/", Assert.Single(sending.Invitations).Path, StringComparison.Ordinal);
    }
}
