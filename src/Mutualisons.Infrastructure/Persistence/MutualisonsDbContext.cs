using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.People;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Resources;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Diagnostic;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Infrastructure.Persistence;

/// <summary>One database for the method's data, the accounts (Identity) and the Data Protection keys.</summary>
public sealed class MutualisonsDbContext(DbContextOptions<MutualisonsDbContext> options)
    : IdentityUserContext<UserAccount, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Mutualisation> Mutualisations => Set<Mutualisation>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<PersonProfile> PersonProfiles => Set<PersonProfile>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();

    public DbSet<QuestionnaireInvitation> QuestionnaireInvitations => Set<QuestionnaireInvitation>();

    public DbSet<QuestionnaireResponse> QuestionnaireResponses => Set<QuestionnaireResponse>();

    public DbSet<ResponseAnswer> ResponseAnswers => Set<ResponseAnswer>();

    public DbSet<ResultTally> ResultTallies => Set<ResultTally>();

    public DbSet<DiagnosticNeed> DiagnosticNeeds => Set<DiagnosticNeed>();

    public DbSet<CandidateResource> CandidateResources => Set<CandidateResource>();

    public DbSet<ImpactStatement> ImpactStatements => Set<ImpactStatement>();

    public DbSet<ImpactStatementRevision> ImpactStatementRevisions => Set<ImpactStatementRevision>();

    public DbSet<ImpactHypothesis> ImpactHypotheses => Set<ImpactHypothesis>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<HypothesisReopening> HypothesisReopenings => Set<HypothesisReopening>();

    public DbSet<EvaluationFrame> EvaluationFrames => Set<EvaluationFrame>();

    public DbSet<PursuedLogic> PursuedLogics => Set<PursuedLogic>();

    public DbSet<LabCatalogueEntry> LabCatalogueEntries => Set<LabCatalogueEntry>();

    public DbSet<LogicHypothesisLink> LogicHypothesisLinks => Set<LogicHypothesisLink>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<ExperimentMove> ExperimentMoves => Set<ExperimentMove>();

    public DbSet<OrganisationValidation> ExperimentValidations => Set<OrganisationValidation>();

    public DbSet<ObjectionExchange> ObjectionExchange => Set<ObjectionExchange>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionLogEntry> DecisionLog => Set<DecisionLogEntry>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<SwotItem> SwotItems => Set<SwotItem>();

    public DbSet<SwotItemExperiment> SwotItemExperiments => Set<SwotItemExperiment>();

    public DbSet<NextStep> NextSteps => Set<NextStep>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<StoryImageContent> StoryImageContents => Set<StoryImageContent>();

    public DbSet<Inspiration> Inspirations => Set<Inspiration>();

    public DbSet<NavigationCheckIn> NavigationCheckIns => Set<NavigationCheckIn>();

    public DbSet<SynthesisNotebook> SynthesisNotebooks => Set<SynthesisNotebook>();

    public DbSet<ResourceDeclaration> ResourceDeclarations => Set<ResourceDeclaration>();

    public DbSet<PoolingAgreement> PoolingAgreements => Set<PoolingAgreement>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<MapDataSet> MapDataSets => Set<MapDataSet>();

    public DbSet<MapEntry> MapEntries => Set<MapEntry>();

    public DbSet<MapContribution> MapContributions => Set<MapContribution>();

    public DbSet<Workshop> Workshops => Set<Workshop>();

    public DbSet<WorkshopParticipant> WorkshopParticipants => Set<WorkshopParticipant>();

    public DbSet<WorkshopNote> WorkshopNotes => Set<WorkshopNote>();

    public DbSet<WorkshopCluster> WorkshopClusters => Set<WorkshopCluster>();

    public DbSet<WorkshopAnswer> WorkshopAnswers => Set<WorkshopAnswer>();

    public DbSet<WorkshopTemplate> WorkshopTemplates => Set<WorkshopTemplate>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MutualisonsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
