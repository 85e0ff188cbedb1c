namespace Mutualisons.Domain.Audit;

/// <summary>
/// What kind of thing an audit entry is about. Stored as written here and shown through the resource
/// <c>Audit.Subject.{name}</c>: a new subject needs its text in every language (a test checks it).
/// </summary>
public static class AuditSubject
{
    public const string Lab = nameof(Lab);
    public const string Cycle = nameof(Cycle);
    public const string Focus = nameof(Focus);
    public const string Invitation = nameof(Invitation);
    public const string Person = nameof(Person);

    /// <summary>An organisation's place in a lab; its id is the organisation's.</summary>
    public const string Membership = nameof(Membership);

    /// <summary>What a bilateral meeting settled with an organisation; its id is the organisation's.</summary>
    public const string Mandate = nameof(Mandate);

    public const string Organisation = nameof(Organisation);
    public const string Stakeholder = nameof(Stakeholder);
    public const string Activity = nameof(Activity);
    public const string Questionnaire = nameof(Questionnaire);
    public const string QuestionnaireInvitation = nameof(QuestionnaireInvitation);
    public const string Need = nameof(Need);
    public const string Resource = nameof(Resource);
    public const string ImpactStatement = nameof(ImpactStatement);
    public const string ImpactHypothesis = nameof(ImpactHypothesis);
    public const string EvaluationFrame = nameof(EvaluationFrame);
    public const string PursuedLogic = nameof(PursuedLogic);
    public const string LabCatalogueEntry = nameof(LabCatalogueEntry);
    public const string Experiment = nameof(Experiment);
    public const string WorkingGroup = nameof(WorkingGroup);
    public const string ResourceDeclaration = nameof(ResourceDeclaration);
    public const string PoolingAgreement = nameof(PoolingAgreement);
    public const string Room = nameof(Room);
    public const string Booking = nameof(Booking);

    public const string Workshop = nameof(Workshop);

    public const string WorkshopTemplate = nameof(WorkshopTemplate);

    /// <summary>A lab's collaborative map data set: its terms, contributors, consents and taxonomy.</summary>
    public const string MapDataSet = nameof(MapDataSet);

    /// <summary>An entry of a map data set and its contributions.</summary>
    public const string MapEntry = nameof(MapEntry);

    public const string Story = nameof(Story);
    public const string Inspiration = nameof(Inspiration);
    public const string NavigationCheckIn = nameof(NavigationCheckIn);
    public const string SynthesisNotebook = nameof(SynthesisNotebook);

    /// <summary>A body of the lab that decides, with its decision mode.</summary>
    public const string Body = nameof(Body);

    /// <summary>A proposal put to a body, its positions and outcome.</summary>
    public const string Decision = nameof(Decision);

    /// <summary>An item of a theme's SWOT board.</summary>
    public const string SwotItem = nameof(SwotItem);

    public static readonly IReadOnlyList<string> All =
        [Lab, Cycle, Focus, Invitation, Person, Membership, Mandate, Organisation, Stakeholder, Activity, Questionnaire, QuestionnaireInvitation, Need, Resource, ImpactStatement, ImpactHypothesis, EvaluationFrame, PursuedLogic, LabCatalogueEntry, Experiment, WorkingGroup, ResourceDeclaration, PoolingAgreement, Room, Booking, Story, Inspiration, NavigationCheckIn, SynthesisNotebook, Body, Decision, SwotItem, Workshop, WorkshopTemplate, MapDataSet, MapEntry];

    /// <summary>Subjects whose id is an organisation's, so the trail can name it.</summary>
    public static bool IsAboutAnOrganisation(string subject) => subject is Membership or Mandate or Organisation;
}
