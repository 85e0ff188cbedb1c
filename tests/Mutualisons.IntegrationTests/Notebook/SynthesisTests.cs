using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Notebook;
using Mutualisons.Web.Features.Notebook.Synthesis;

namespace Mutualisons.IntegrationTests.Notebook;

/// <summary>The cahier de synthèse: built from the lab's data in the language and period asked, previewed and downloaded as Word, for the lab only.</summary>
public sealed class SynthesisTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private static readonly byte[] Pixel = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private async Task<Guid> BotaAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    private Task<SynthesisDocument?> BuildAsync(string person, Guid lab, SynthesisRequest request) =>
        app.AsAsync<SynthesisService, SynthesisDocument?>(person, s => s.BuildAsync(lab, request));

    private static IEnumerable<string> Headings(SynthesisDocument document, int level) => document.Blocks.OfType<HeadingBlock>().Where(h => h.Level == level).Select(h => h.Text);

    [Fact]
    public async Task The_cahier_holds_each_cycle_its_chosen_stories_and_results_in_the_language_asked()
    {
        var lab = await BotaAsync();
        var seen = (await app.AsAsync<SynthesisService, SynthesisSetup?>(Pilot, s => s.GetSetupAsync(lab)))!.Introduction.Version;
        var introduced = await app.AsAsync<SynthesisService, SaveResult>(Pilot, s => s.SaveIntroductionAsync(lab, new IntroductionInput { Text = "Ce cahier raconte **notre** première année.", Version = seen }));
        Assert.True(introduced.Succeeded, introduced.MessageKey);

        var french = (await BuildAsync(DemoAppFixture.Observer, lab, new SynthesisRequest { Language = "fr" }))!;

        Assert.Equal("Cahier de synthèse", french.Title);
        Assert.Equal(["Introduction", "La carte des cycles", "Diagnostiquer les besoins", "Identifier et impliquer les publics", "Définir l'impact social", "Configurer les outils", "Choisir et adapter les méthodes", "Annexe"], Headings(french, 1));
        Assert.Contains(french.Blocks, b => b is ParagraphBlock { Text: "Ce cahier raconte notre première année." });
        // Stories chosen for the notebook are told under their cycles; the one not chosen is not.
        Assert.Contains("L'atelier constitutif : six pistes sur la table", Headings(french, 3));
        Assert.DoesNotContain("Le deuxième atelier, annulé deux fois", Headings(french, 3));
        var tables = french.Blocks.OfType<TableBlock>().ToList();
        Assert.Contains(tables, t => t.Caption == "Portefeuille d'expérimentations" && t.Rows.Any(r => r[0].StartsWith("Éco-label", StringComparison.Ordinal)));
        Assert.Contains(tables, t => t.Caption == "Points d'étape du groupe pilote" && t.Rows.Count == 2);
        Assert.Contains(tables, t => t.Caption == "Méthodes utilisées" && t.Rows.Any(r => r[0] == "Groupe de travail"));
        // Cycle 4 tells what the lab pools and what its bodies decided.
        Assert.Contains(tables, t => t.Caption == "Accords de mutualisation" && t.Rows.Count >= 1);
        Assert.Contains(tables, t => t.Caption == "Décisions des instances" && t.Rows.Count >= 1);

        var dutch = (await BuildAsync(DemoAppFixture.Observer, lab, new SynthesisRequest { Language = "nl", Sections = [SynthesisSection.Diagnostic] }))!;
        Assert.Equal("Syntheseschrift", dutch.Title);
        Assert.Equal(["Noden in kaart brengen"], Headings(dutch, 1));
    }

    [Fact]
    public async Task The_period_keeps_only_what_happened_in_it()
    {
        var lab = await BotaAsync();

        var spring = (await BuildAsync(Pilot, lab, new SynthesisRequest { From = "2019-02-01", To = "2019-02-28", Sections = [SynthesisSection.Diagnostic, SynthesisSection.CycleMap, SynthesisSection.ToolConfiguration] }))!;

        Assert.Contains("L'atelier constitutif : six pistes sur la table", Headings(spring, 3));
        Assert.DoesNotContain("Premier GT Éco-label : le coût d'un audit", Headings(spring, 3));
        Assert.DoesNotContain(spring.Blocks.OfType<TableBlock>(), t => t.Caption == "Points d'étape du groupe pilote");
        Assert.Contains(spring.Blocks, b => b is ParagraphBlock { Text: "Aucun point d'étape sur la période." });
        Assert.Equal("Du 1 févr. 2019 au 28 févr. 2019", spring.Period);

        Assert.NotNull(await app.AsAsync<SynthesisService, SaveResult?>(Pilot, s => s.CheckAsync(new SynthesisRequest { From = "2019-03-01", To = "2019-02-01" })));
        Assert.NotNull(await app.AsAsync<SynthesisService, SaveResult?>(Pilot, s => s.CheckAsync(new SynthesisRequest { Sections = [] })));
        Assert.NotNull(await app.AsAsync<SynthesisService, SaveResult?>(Pilot, s => s.CheckAsync(new SynthesisRequest { Language = "de" })));
    }

    [Fact]
    public async Task The_word_document_opens_with_its_headings_tables_and_pictures_and_only_for_the_lab()
    {
        var lab = await BotaAsync();
        // A chosen story with a picture: the document carries it.
        var story = (await app.AsAsync<StoryService, SaveResult>(Pilot, s => s.SaveAsync(lab, null, new StoryInput
        {
            Title = "Le plan de l'étage", HappenedOn = "2019-06-01", Body = "Le plan.", Cycles = [Cycle.Diagnostic], InNotebook = true,
        }))).Id!.Value;
        uint version;
        await using (var db = app.CreateDbContext())
        {
            version = (await db.Stories.AsNoTracking().SingleAsync(s => s.Id == story)).Version;
        }
        Assert.True((await app.AsAsync<StoryService, SaveResult>(Pilot, s => s.AddImageAsync(lab, story, version, new StoryImageInput { AltText = "Le plan", Bytes = Pixel, Size = Pixel.Length }))).Succeeded);

        using var member = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword);
        var response = await member.GetAsync(new Uri(AppRoutes.SynthesisDocx(lab, ["Diagnostic", "ToolConfiguration"], null, null, "en"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("cahier-bota-75-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);

        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(file, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Diagnose needs", "Configure the tools"], headings);
        Assert.Contains(body.Elements<Table>(), t => t.InnerText.Contains("Experiment", StringComparison.Ordinal) && t.InnerText.Contains("Feasibility", StringComparison.Ordinal));
        Assert.Single(word.MainDocumentPart.ImageParts);
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(), d => d.Description == "Le plan");
        Assert.Equal("en", word.PackageProperties.Language);

        // In French too: the same parts under their French names.
        var french = await member.GetAsync(new Uri(AppRoutes.SynthesisDocx(lab, ["Diagnostic", "Annex"], null, null, "fr"), UriKind.Relative));
        using (var frenchFile = new MemoryStream(await french.Content.ReadAsByteArrayAsync()))
        using (var frenchWord = WordprocessingDocument.Open(frenchFile, false))
        {
            var frenchHeadings = frenchWord.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(["Diagnostiquer les besoins", "Annexe"], frenchHeadings);
            Assert.Contains("Organisations participantes", frenchWord.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }

        // Tampered choices are a readable 400; another lab's cahier is not found.
        Assert.Equal(HttpStatusCode.BadRequest, (await member.GetAsync(new Uri($"/labs/{lab}/notebook.docx?sections=Everything&lang=fr", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.GetAsync(new Uri($"/labs/{lab}/notebook.docx?from=2020-01-01&to=2019-01-01", UriKind.Relative))).StatusCode);
        using var outsider = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);
        var refused = await outsider.GetAsync(new Uri(AppRoutes.SynthesisDocx(lab, ["Annex"], null, null, "fr"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Null(await app.AsAsync<SynthesisService, SynthesisSetup?>(DemoAppFixture.Coordination, s => s.GetSetupAsync(lab)));
    }

    [Fact]
    public async Task Only_those_who_keep_the_notebook_write_its_introduction_and_a_stale_one_is_a_conflict()
    {
        var lab = await BotaAsync();

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<SynthesisService, SaveResult>(DemoAppFixture.Participant, s => s.SaveIntroductionAsync(lab, new IntroductionInput { Text = "x" }))).Status);
        var setup = (await app.AsAsync<SynthesisService, SynthesisSetup?>(Pilot, s => s.GetSetupAsync(lab)))!;
        var first = await app.AsAsync<SynthesisService, SaveResult>(Pilot, s => s.SaveIntroductionAsync(lab, new IntroductionInput { Text = "Une", Version = setup.Introduction.Version }));
        Assert.True(first.Succeeded, first.MessageKey);
        var stale = await app.AsAsync<SynthesisService, SaveResult>(Pilot, s => s.SaveIntroductionAsync(lab, new IntroductionInput { Text = "Deux", Version = setup.Introduction.Version }));
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("Une", (await app.AsAsync<SynthesisService, SynthesisSetup?>(Pilot, s => s.GetSetupAsync(lab)))!.Introduction.Text);
        // Two first saves at once: the second finds the first and is a conflict, never a second introduction.
        if (setup.Introduction.Version is null)
        {
            Assert.Equal(SaveStatus.Conflict, (await app.AsAsync<SynthesisService, SaveResult>(Pilot, s => s.SaveIntroductionAsync(lab, new IntroductionInput { Text = "Trois" }))).Status);
        }
    }
}
