using Mutualisons.Domain.Labs;

namespace Mutualisons.Web;

/// <summary>
/// The addresses of the app's pages, built in one place for links and navigation, so that a moved page is
/// changed once. (Named <c>AppRoutes</c> because <c>Routes</c> is the router component.) The <c>@page</c>
/// templates stay literal, as Razor requires.
/// </summary>
public static class AppRoutes
{
    public const string Home = "/";
    public const string Organisations = "/organisations";
    public const string Profile = "/account";
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
    public const string LockedOut = "/account/locked-out";
    public const string AccountDeleted = "/account/deleted";
    public const string PersonalData = "/account/personal-data";
    public const string Outbox = "/admin/outbox";
    public const string NotFound = "/not-found";
    public const string Error = "/error";

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> afterwards.</summary>
    public static string SignInThenBackTo(string returnUrl) => $"{SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string Lab(Guid lab) => $"/labs/{lab}";

    public static string Cycle(Guid lab, Cycle cycle) => $"{Lab(lab)}/cycles/{cycle}";

    public static string People(Guid lab) => $"{Lab(lab)}/people";

    public static string Audit(Guid lab) => $"{Lab(lab)}/audit";

    public static string Directory(Guid lab) => $"{Lab(lab)}/directory";

    public static string Questionnaires(Guid lab) => $"{Lab(lab)}/questionnaires";

    public static string Questionnaire(Guid lab, Guid questionnaire) => $"{Questionnaires(lab)}/{questionnaire}";

    public static string Sending(Guid lab, Guid questionnaire) => $"{Questionnaire(lab, questionnaire)}/sending";

    public static string Results(Guid lab, Guid questionnaire) => $"{Questionnaire(lab, questionnaire)}/results";

    public static string Response(Guid lab, Guid questionnaire, Guid response) => $"{Questionnaire(lab, questionnaire)}/responses/{response}";

    public static string Publics(Guid lab) => $"{Lab(lab)}/publics";

    public static string PilotGroup(Guid lab) => $"{Publics(lab)}/pilot-group";

    public static string Activities(Guid lab) => $"{Publics(lab)}/activities";

    public static string Stakeholder(Guid lab, Guid stakeholder) => $"{Publics(lab)}/stakeholders/{stakeholder}";

    public static string MatrixExport(Guid lab) => $"{Publics(lab)}/matrix.csv";

    public static string HistoryExport(Guid lab) => $"{Publics(lab)}/history.csv";

    public static string Impact(Guid lab) => $"{Lab(lab)}/impact";

    public static string ImpactStatement(Guid lab, Guid organisation) => $"{Impact(lab)}/organisations/{organisation}";

    public static string ImpactHypothesis(Guid lab, Guid hypothesis) => $"{Impact(lab)}/hypotheses/{hypothesis}";

    public static string ImpactCatalogue(Guid lab) => $"{Impact(lab)}/catalogue";

    public static string ImpactJsonLdExport(Guid lab) => $"{Impact(lab)}/export.jsonld";

    public static string ImpactCsvExport(Guid lab) => $"{Impact(lab)}/export.csv";

    /// <summary>The lab's evaluation frame: why, for whom, how and when it evaluates.</summary>
    public static string ImpactFrame(Guid lab) => $"{Impact(lab)}/frame";

    /// <summary>The evaluation frame of a member organisation that evaluates on its own.</summary>
    public static string ImpactOrganisationFrame(Guid lab, Guid organisation) => $"{ImpactStatement(lab, organisation)}/frame";

    /// <summary>The mutualisation logics the lab pursues and what each should serve.</summary>
    public static string ImpactLogics(Guid lab) => $"{Impact(lab)}/logics";

    /// <summary>Mutualisation → logics → members' hypotheses → indicators.</summary>
    public static string ImpactChain(Guid lab) => $"{Impact(lab)}/chain";

    /// <summary>The lab's experiments: the portfolio chart and table.</summary>
    public static string Experiments(Guid lab) => $"{Lab(lab)}/experiments";

    public static string Methods(Guid lab) => $"{Lab(lab)}/methods";

    public static string Stories(Guid lab) => $"{Lab(lab)}/stories";

    /// <summary>The stories that tell of one cycle.</summary>
    public static string Stories(Guid lab, Cycle cycle) => $"{Stories(lab)}?cycle={cycle}";

    public static string Story(Guid lab, Guid story) => $"{Stories(lab)}/{story}";

    /// <summary>A story's picture, served to the lab's members only.</summary>
    public static string StoryImage(Guid lab, Guid story, Guid image) => $"{Story(lab, story)}/images/{image}";

    public static string Inspirations(Guid lab) => $"{Lab(lab)}/inspirations";

    /// <summary>The inspirations that help in one cycle.</summary>
    public static string Inspirations(Guid lab, Cycle cycle) => $"{Inspirations(lab)}?cycle={cycle}";

    /// <summary>The cahier de synthèse: its introduction, the choice of parts and period, the preview.</summary>
    public static string Synthesis(Guid lab) => $"{Lab(lab)}/notebook";

    /// <summary>The cahier as a Word document, for the parts, period and language chosen.</summary>
    public static string SynthesisDocx(Guid lab, IEnumerable<string> sections, string? from, string? to, string language) =>
        $"{Synthesis(lab)}.docx?sections={Uri.EscapeDataString(string.Join(',', sections))}&from={Uri.EscapeDataString(from ?? string.Empty)}&to={Uri.EscapeDataString(to ?? string.Empty)}&lang={Uri.EscapeDataString(language)}";

    /// <summary>The pilot group's check-ins beside the journal of cycle moves.</summary>
    public static string Navigation(Guid lab) => $"{Lab(lab)}/navigation";

    public static string Experiment(Guid lab, Guid experiment) => $"{Experiments(lab)}/{experiment}";

    public static string WorkingGroups(Guid lab) => $"{Lab(lab)}/working-groups";

    public static string WorkingGroup(Guid lab, Guid group) => $"{WorkingGroups(lab)}/{group}";

    /// <summary>What the lab's organisations offer and need, the matches and the pooling agreements.</summary>
    public static string Resources(Guid lab) => $"{Lab(lab)}/resources";

    /// <summary>The shared place's rooms and the week of bookings that holds <paramref name="week"/> (this week when null).</summary>
    public static string Rooms(Guid lab, DateOnly? week = null) =>
        week is { } day ? $"{Lab(lab)}/rooms?week={day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : $"{Lab(lab)}/rooms";

    /// <summary>The lab's collaborative map data sets.</summary>
    public static string MapData(Guid lab) => $"{Lab(lab)}/map-data";

    /// <summary>One data set: its map, list, filters, contributors and taxonomy.</summary>
    public static string MapDataSet(Guid lab, Guid dataSet) => $"{MapData(lab)}/{dataSet}";

    /// <summary>A data set's contributions awaiting approval.</summary>
    public static string MapModeration(Guid lab, Guid dataSet) => $"{MapDataSet(lab, dataSet)}/moderation";

    /// <summary>A published data set's public read-only page, which other sites may frame.</summary>
    public static string PublicMap(Guid dataSet) => $"/embed/map/{dataSet}";

    /// <summary>The shared place's occupancy over a month (this month when none is given).</summary>
    public static string RoomOccupancy(Guid lab, DateOnly? month = null) =>
        month is { } m ? $"{Lab(lab)}/rooms/occupancy?month={m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}" : $"{Lab(lab)}/rooms/occupancy";

    /// <summary>The lab's bodies and their decision modes.</summary>
    public static string Bodies(Guid lab) => $"{Lab(lab)}/bodies";

    /// <summary>The decision log: every proposal put to the lab's bodies.</summary>
    public static string Decisions(Guid lab) => $"{Lab(lab)}/decisions";

    public static string Decision(Guid lab, Guid decision) => $"{Decisions(lab)}/{decision}";

    public static string DecisionLogCsv(Guid lab) => $"{Decisions(lab)}/log.csv";

    /// <summary>The SWOT boards of the action plan's themes (the place's first).</summary>
    public static string Swot(Guid lab) => $"{Lab(lab)}/swot";

    /// <summary>The SWOT board of one theme.</summary>
    public static string Swot(Guid lab, Domain.Labs.ResourceKind theme) => $"{Swot(lab)}?theme={theme}";

    /// <summary>The lab's live workshops and its saved step sequences.</summary>
    public static string Workshops(Guid lab) => $"{Lab(lab)}/workshops";

    /// <summary>A workshop's preparation and, once open, the facilitator's console.</summary>
    public static string Workshop(Guid lab, Guid workshop) => $"{Workshops(lab)}/{workshop}";

    /// <summary>The view for the projector: the current step's live results.</summary>
    public static string WorkshopScreen(Guid lab, Guid workshop) => $"{Workshop(lab, workshop)}/screen";

    /// <summary>What a workshop produced: results, notes and clusters to turn into needs or experiments, attendance.</summary>
    public static string WorkshopOutcomes(Guid lab, Guid workshop) => $"{Workshop(lab, workshop)}/outcomes";

    /// <summary>The whole session as a file, "csv" or "xlsx".</summary>
    public static string WorkshopExport(Guid lab, Guid workshop, string format) => $"{Workshop(lab, workshop)}/export.{format}";
}
