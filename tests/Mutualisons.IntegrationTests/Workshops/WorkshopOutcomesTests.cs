using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Workshops.Outcomes;

namespace Mutualisons.IntegrationTests.Workshops;

/// <summary>
/// After the room, on PostgreSQL: attendance moving the participation ladder per organisation, notes and
/// clusters becoming needs and experiments once, and the whole session exported and read back.
/// </summary>
public sealed class WorkshopOutcomesTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private sealed record Session(Guid LabId, Guid WorkshopId, Guid ActivityId, Guid[] Organisations, Guid NoteA, Guid NoteB, Guid RemovedNote, Guid ClusterId, Guid RenamedMatrixNote);

    /// <summary>
    /// A Bota 75 workshop (a cycle 2 activity offering deliberation): two of the lab's organisations and another
    /// one in the room, ideas grouped into a cluster, a dot vote and a 2×2 on the notes, and a second 2×2 with
    /// renamed axes on the cluster.
    /// </summary>
    private async Task<Session> SessionAsync(bool renamedAxesOnNotes = false)
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        var organisations = lab.Memberships.Select(m => m.OrganisationId).Take(3).ToArray();
        var activity = new Activity(lab.Id, "Atelier des communs", ActivityKind.Workshop, null, [Cycle.Publics], Now, "Tri postal", ParticipationLevel.Deliberation, Now);
        var workshop = new Workshop(lab.Id, activity.Id, "Atelier des communs", Now);
        var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que mettre en commun ?", IdeasPerPerson: 5));
        var grouping = workshop.AddStep(WorkshopStepKind.Grouping, new StepSettings("Regroupons", SourceStepId: ideas.Id));
        var vote = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", SourceStepId: ideas.Id, DotsPerPerson: 3, MaxDotsPerItem: 2));
        var matrix = workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("Placez les idées", SourceStepId: ideas.Id,
            AxisX: renamedAxesOnNotes ? "Coût" : null, AxisY: renamedAxesOnNotes ? "Urgence" : null));
        var poll = workshop.AddStep(WorkshopStepKind.Poll, new StepSettings("Quand se revoir ?", Options: ["Mardi", "Jeudi"]));
        var consent = workshop.AddStep(WorkshopStepKind.ConsentRound, new StepSettings("On lance la cuisine partagée ?"));
        workshop.Start(Now);
        var amina = new WorkshopParticipant(workshop, "Amina", organisations[0], null, null, "fr", "secret-amina-0123456789", Now);
        var bart = new WorkshopParticipant(workshop, "Bart", organisations[1], null, null, "nl", "secret-bart-01234567890", Now);
        var chloe = new WorkshopParticipant(workshop, "Chloé", null, "Une autre asbl", null, "fr", "secret-chloe-0123456789", Now);
        var removed = new WorkshopParticipant(workshop, "Dan", organisations[2], null, null, "fr", "secret-dan-012345678901", Now);
        removed.Remove(Now);
        var noteA = ideas.Note(amina, "Une cuisine partagée", 0, Now);
        var noteB = ideas.Note(bart, "Un local vélo commun", 0, Now);
        var noteC = ideas.Note(chloe, "Des achats groupés", 0, Now);
        var offBoard = ideas.Note(bart, "=HYPERLINK(\"http://x\")", 1, Now);
        offBoard.Remove(Now);
        var cluster = new WorkshopCluster(grouping, "Espaces partagés");
        noteA.PutIn(cluster);
        noteB.PutIn(cluster);
        db.AddRange(activity, workshop, amina, bart, chloe, removed, noteA, noteB, noteC, offBoard, cluster);
        var answers = new List<WorkshopAnswer>();
        WorkshopAnswer Answer(WorkshopStep step, WorkshopParticipant who, string item)
        {
            var answer = new WorkshopAnswer(step, who, item, Now);
            answers.Add(answer);
            return answer;
        }
        Answer(vote, amina, WorkshopItems.Note(noteA.Id)).GiveDots(vote, 2, 0, Now);
        Answer(vote, bart, WorkshopItems.Note(noteA.Id)).GiveDots(vote, 1, 0, Now);
        Answer(vote, chloe, WorkshopItems.Note(noteB.Id)).GiveDots(vote, 2, 0, Now);
        // A removed participant's dots do not count.
        Answer(vote, removed, WorkshopItems.Note(noteA.Id)).GiveDots(vote, 2, 0, Now);
        Answer(matrix, amina, WorkshopItems.Note(noteA.Id)).Place(4, 5, Now);
        Answer(matrix, bart, WorkshopItems.Note(noteA.Id)).Place(3, 4, Now);
        Answer(matrix, chloe, WorkshopItems.Note(noteA.Id)).Place(5, 2, Now);
        Answer(poll, amina, WorkshopAnswer.WholeStep).Choose(poll, [1], Now);
        Answer(consent, bart, WorkshopAnswer.WholeStep).TakePosition(ConsentPosition.Concern, "Le local est petit", Now);
        db.AddRange(answers);
        await db.SaveChangesAsync();
        return new Session(lab.Id, workshop.Id, activity.Id, organisations, noteA.Id, noteB.Id, offBoard.Id, cluster.Id, noteA.Id);
    }

    private Task<T> AsAsync<TService, T>(string email, Func<TService, Task<T>> use) where TService : notnull => app.AsAsync(email, use);

    /// <summary>Each organisation's derived level in cycle 2 (the demo may already hold some) and whether its stakeholder is present.</summary>
    private async Task<Dictionary<Guid, (ParticipationLevel? Derived, bool Present)>> LaddersAsync(Session session)
    {
        await using var db = app.CreateDbContext();
        var present = await db.Activities.Where(a => a.Id == session.ActivityId).Select(a => a.Present).SingleAsync();
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.LabId == session.LabId && s.OrganisationId != null && session.Organisations.Contains(s.OrganisationId.Value)).ToListAsync();
        return stakeholders.ToDictionary(s => s.OrganisationId!.Value, s => (s.In(Cycle.Publics).Derived, present.Contains(s.Id)));
    }

    [Fact]
    public async Task Recording_attendance_moves_each_organisation_present_to_the_level_offered_once_and_others_move_nothing()
    {
        var session = await SessionAsync();
        var before = await LaddersAsync(session);

        var first = await AsAsync<WorkshopAttendanceService, SaveResult>(DemoAppFixture.Facilitator, s => s.RecordAttendanceAsync(session.LabId, session.WorkshopId));
        var after = await LaddersAsync(session);
        await using var db = app.CreateDbContext();
        var audits = await db.AuditEntries.CountAsync(a => a.SubjectId == session.ActivityId);
        var history = await db.Stakeholders.Where(s => s.LabId == session.LabId).SelectMany(s => s.History).CountAsync();
        var second = await AsAsync<WorkshopAttendanceService, SaveResult>(DemoAppFixture.Facilitator, s => s.RecordAttendanceAsync(session.LabId, session.WorkshopId));

        Assert.Equal(SaveStatus.Saved, first.Status);
        Assert.Equal(SaveStatus.Saved, second.Status);
        Assert.Equal((AtLeastDeliberation(before[session.Organisations[0]].Derived), true), after[session.Organisations[0]]);
        Assert.Equal((AtLeastDeliberation(before[session.Organisations[1]].Derived), true), after[session.Organisations[1]]);
        // The third organisation's participant was taken out of the room: not present, level unchanged.
        Assert.Equal((before[session.Organisations[2]].Derived, false), after[session.Organisations[2]]);
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == session.ActivityId);
        Assert.Equal(ActivityStatus.Held, activity.Status);
        Assert.Equal(2, activity.Present.Count);
        Assert.Equal(1, audits);
        // The second run found nobody new: no write, no audit line, no history.
        Assert.Equal(audits, await db.AuditEntries.CountAsync(a => a.SubjectId == session.ActivityId));
        Assert.Equal(history, await db.Stakeholders.Where(s => s.LabId == session.LabId).SelectMany(s => s.History).CountAsync());
    }

    [Fact]
    public async Task Attendance_keeps_who_the_activity_already_had_and_an_observer_may_not_record_it()
    {
        var session = await SessionAsync();
        await using (var db = app.CreateDbContext())
        {
            var other = await db.Stakeholders.FirstAsync(s => s.LabId == session.LabId && (s.OrganisationId == null || !session.Organisations.Contains(s.OrganisationId.Value)));
            var activity = await db.Activities.SingleAsync(a => a.Id == session.ActivityId);
            activity.RecordHeld([other.Id], "Déjà noté");
            await db.SaveChangesAsync();
        }

        var refused = await AsAsync<WorkshopAttendanceService, SaveResult>(DemoAppFixture.Observer, s => s.RecordAttendanceAsync(session.LabId, session.WorkshopId));
        var unknown = await AsAsync<WorkshopAttendanceService, SaveResult>(DemoAppFixture.Facilitator, s => s.RecordAttendanceAsync(session.LabId, Guid.NewGuid()));
        var saved = await AsAsync<WorkshopAttendanceService, SaveResult>(DemoAppFixture.Facilitator, s => s.RecordAttendanceAsync(session.LabId, session.WorkshopId));

        Assert.Equal(SaveStatus.Forbidden, refused.Status);
        Assert.Equal(SaveStatus.NotFound, unknown.Status);
        Assert.Equal(SaveStatus.Saved, saved.Status);
        await using var check = app.CreateDbContext();
        var held = await check.Activities.AsNoTracking().SingleAsync(a => a.Id == session.ActivityId);
        Assert.Equal(3, held.Present.Count);
        Assert.Equal("Déjà noté", held.Outputs);
    }

    [Fact]
    public async Task A_note_and_a_cluster_become_needs_once_each_and_the_page_links_what_they_became()
    {
        var session = await SessionAsync();

        var note = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteB), "Un local vélo commun"));
        var cluster = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Cluster(session.ClusterId), "Des espaces partagés"));
        var again = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeExperimentAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteB), "Encore"));
        var offBoard = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.RemovedNote), "Retirée"));
        var outcomes = await AsAsync<WorkshopOutcomesService, WorkshopOutcomes?>(DemoAppFixture.Facilitator, s => s.GetAsync(session.LabId, session.WorkshopId));

        Assert.Equal(SaveStatus.Saved, note.Result.Status);
        Assert.Equal(SaveStatus.Saved, cluster.Result.Status);
        Assert.Equal("Rule.Workshop.AlreadyBecame", again.Result.MessageKey);
        Assert.Equal("Rule.Workshop.NoteRemoved", offBoard.Result.MessageKey);
        await using var db = app.CreateDbContext();
        var noteNeed = await db.DiagnosticNeeds.SingleAsync(n => n.Id == note.Result.Id);
        var clusterNeed = await db.DiagnosticNeeds.SingleAsync(n => n.Id == cluster.Result.Id);
        Assert.Equal("Un local vélo commun", noteNeed.Text);
        Assert.StartsWith("Des espaces partagés", clusterNeed.Text, StringComparison.Ordinal);
        Assert.Contains("Une cuisine partagée", clusterNeed.Text, StringComparison.Ordinal);
        Assert.Contains("Un local vélo commun", clusterNeed.Text, StringComparison.Ordinal);
        Assert.Equal(noteNeed.Id, (await db.WorkshopNotes.SingleAsync(n => n.Id == session.NoteB)).BecameId);
        Assert.Equal(clusterNeed.Id, (await db.WorkshopClusters.SingleAsync(c => c.Id == session.ClusterId)).BecameId);
        Assert.Equal(0, await db.Experiments.CountAsync(e => e.LabId == session.LabId && e.Title == "Encore"));
        Assert.Equal(new BecameView(noteNeed.Id, OutcomeKind.Need, noteNeed.Text), outcomes!.Notes.Single(n => n.Id == session.NoteB).Became);
        Assert.Equal(OutcomeKind.Need, outcomes.Clusters.Single().Became!.Kind);
    }

    [Fact]
    public async Task A_note_becomes_an_experiment_scored_from_the_2x2_medians_with_its_dots_in_the_description()
    {
        var session = await SessionAsync();

        var made = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeExperimentAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteA), "Cuisine partagée"));
        var twice = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteA), "Encore"));

        Assert.Equal(SaveStatus.Saved, made.Result.Status);
        Assert.False(made.ScoresLeftEmpty);
        Assert.Equal("Rule.Workshop.AlreadyBecame", twice.Result.MessageKey);
        await using var db = app.CreateDbContext();
        var experiment = await db.Experiments.AsNoTracking().SingleAsync(e => e.Id == made.Result.Id);
        // X placements 3, 4, 5 → median 4; Y placements 2, 4, 5 → median 4.
        Assert.Equal(("Cuisine partagée", 4, 4), (experiment.Title, experiment.Feasibility!.Value, experiment.ImpactScore!.Value));
        Assert.Contains("Atelier des communs", experiment.Description, StringComparison.Ordinal);
        // 2 + 1 dots from two people; the removed participant's 2 dots do not count.
        Assert.Contains(" 3 ", experiment.Description, StringComparison.Ordinal);
        Assert.Equal(experiment.Id, (await db.WorkshopNotes.SingleAsync(n => n.Id == session.NoteA)).BecameId);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.SubjectId == experiment.Id));
    }

    [Fact]
    public async Task Renamed_axes_leave_the_experiment_s_scores_empty_and_say_so()
    {
        var session = await SessionAsync(renamedAxesOnNotes: true);

        var made = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeExperimentAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteA), "Cuisine partagée"));

        Assert.Equal(SaveStatus.Saved, made.Result.Status);
        Assert.True(made.ScoresLeftEmpty);
        await using var db = app.CreateDbContext();
        var experiment = await db.Experiments.AsNoTracking().SingleAsync(e => e.Id == made.Result.Id);
        Assert.Null(experiment.Feasibility);
        Assert.Null(experiment.ImpactScore);
    }

    [Fact]
    public async Task An_observer_converts_nothing_and_the_note_stays_free()
    {
        var session = await SessionAsync();

        var need = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Observer, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteA), "Non"));
        var experiment = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Observer, s => s.MakeExperimentAsync(session.LabId, session.WorkshopId, WorkshopSource.Cluster(session.ClusterId), "Non"));
        var outsider = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Coordination, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteA), "Non"));
        var blank = await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteA), " "));

        Assert.Equal(SaveStatus.Forbidden, need.Result.Status);
        Assert.Equal(SaveStatus.Forbidden, experiment.Result.Status);
        Assert.Equal(SaveStatus.NotFound, outsider.Result.Status);
        Assert.Equal(SaveStatus.Invalid, blank.Result.Status);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.WorkshopNotes.SingleAsync(n => n.Id == session.NoteA)).BecameId);
        Assert.Null((await db.WorkshopClusters.SingleAsync(c => c.Id == session.ClusterId)).BecameId);
    }

    [Fact]
    public async Task The_session_exports_as_csv_and_xlsx_that_read_back_and_an_observer_gets_a_readable_refusal()
    {
        var session = await SessionAsync();
        await AsAsync<WorkshopConversionService, ConversionResult>(DemoAppFixture.Facilitator, s => s.MakeNeedAsync(session.LabId, session.WorkshopId, WorkshopSource.Note(session.NoteB), "Un local vélo commun"));
        var csvPath = $"/labs/{session.LabId}/workshops/{session.WorkshopId}/export.csv?lang=fr";
        var xlsxPath = $"/labs/{session.LabId}/workshops/{session.WorkshopId}/export.xlsx?lang=en";

        using var facilitator = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Facilitator, AppFixture.DemoPassword);
        var csv = await facilitator.GetAsync(new Uri(csvPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Select(ParseCsvLine).ToList();
        Assert.Equal(20, rows[0].Count);
        Assert.Equal(["Partie", "Étape", "Élément"], rows[0].Take(3));
        Assert.Equal(6, rows.Count(r => r[0] == "Étape"));
        // Participants by organisation, the removed one marked.
        Assert.Equal(4, rows.Count(r => r[0] == "Participant·e"));
        Assert.Equal("oui", rows.Single(r => r[0] == "Participant·e" && r[3] == "Dan")[6]);
        Assert.Equal("Une autre asbl", rows.Single(r => r[0] == "Participant·e" && r[3] == "Chloé")[4]);
        var bike = rows.Single(r => r[0] == "Idée" && r[2] == "Un local vélo commun");
        Assert.Equal(("Bart", "Espaces partagés"), (bike[3], bike[5]));
        Assert.StartsWith("Besoin", bike[7], StringComparison.Ordinal);
        // The removed note is marked, and its formula is made plain.
        var formula = rows.Single(r => r[0] == "Idée" && r[6] == "oui");
        Assert.StartsWith("'=", formula[2], StringComparison.Ordinal);
        var dots = rows.Single(r => r[0] == "Vote par gommettes" && r[2] == "Une cuisine partagée");
        Assert.Equal(("3", "2"), (dots[8], dots[9]));
        var placed = rows.Single(r => r[0] == "Matrice 2×2" && r[2] == "Une cuisine partagée");
        Assert.Equal(("3", "4", "4", "3,5", "4,5"), (placed[10], placed[11], placed[12], placed[13], placed[14]));
        Assert.Equal(["0", "1"], rows.Where(r => r[0] == "Sondage").Select(r => r[17]));
        Assert.Contains(rows, r => r[0] == "Tour de consentement" && r[18] == "Réserve" && r[19] == "Le local est petit");

        var xlsx = await facilitator.GetAsync(new Uri(xlsxPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var memory = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(memory, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(CellText).ToList()).ToList();
        Assert.Equal(rows.Count, cells.Count);
        Assert.Equal("Section", cells[0][0]);
        var matrixRow = cells.Single(r => r[0] == "2×2 matrix" && r.Contains("Une cuisine partagée"));
        Assert.Contains("3.5", matrixRow);
        Assert.Contains(cells, r => r.Contains("=HYPERLINK(\"http://x\")"));

        using var observer = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword);
        var refused = await observer.GetAsync(new Uri(csvPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Accès refusé", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var unknown = await facilitator.GetAsync(new Uri($"/labs/{session.LabId}/workshops/{Guid.NewGuid()}/export.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static ParticipationLevel AtLeastDeliberation(ParticipationLevel? before) =>
        before is { } level && level > ParticipationLevel.Deliberation ? level : ParticipationLevel.Deliberation;

    private static string CellText(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : cell.CellValue?.Text ?? cell.InnerText;

    /// <summary>One RFC 4180 record split on ';' (French), quotes undone.</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        cells.Add(current.ToString());
        return cells;
    }
}
