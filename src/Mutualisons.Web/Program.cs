using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Components;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Resources.MapData;
using Mutualisons.Web.Features.Account;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Diagnostic.Needs;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Results;
using Mutualisons.Web.Features.Diagnostic.Sending;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Catalogue;
using Mutualisons.Web.Features.Impact.Chain;
using Mutualisons.Web.Features.Impact.Exports;
using Mutualisons.Web.Features.Impact.Frame;
using Mutualisons.Web.Features.Impact.Logics;
using Mutualisons.Web.Features.Impact.Sources;
using Mutualisons.Web.Features.Publics;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.Publics.Dashboard;
using Mutualisons.Web.Features.Publics.Exports;
using Mutualisons.Web.Features.Publics.PilotGroup;
using Mutualisons.Web.Features.Publics.Stakeholders;
using Mutualisons.Web.Features.Resources;
using Mutualisons.Web.Features.Resources.Rooms;
using Mutualisons.Web.Features.Labs;
using Mutualisons.Web.Features.Notebook;
using Mutualisons.Web.Features.Notebook.Synthesis;
using Mutualisons.Web.Features.ToolConfiguration.Experiments;
using Mutualisons.Web.Features.ToolConfiguration.Validation;
using Mutualisons.Web.Features.ToolConfiguration.Governance;
using Mutualisons.Web.Features.ToolConfiguration.Swot;
using Mutualisons.Web.Features.ToolConfiguration.WorkingGroups;
using Mutualisons.Web.Features.Mail;
using Mutualisons.Web.Features.Organisations;
using Mutualisons.Web.Features.Workshops;
using Mutualisons.Web.Features.Workshops.Outcomes;
using Mutualisons.Web.Features.Workshops.Room;
using Mutualisons.Web.Hosting;
using Mutualisons.Web.Localization;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.ConfigureWebServer();

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .Enrich.With<LinkTokenRedaction>());

// In development the app brings its own PostgreSQL cluster; elsewhere ConnectionStrings:Mutualisons is used.
var localCluster = await builder.StartLocalPostgresIfEnabledAsync();

// Pooled: a context's internal services are set up once and reused, instead of for every request (the answer
// path creates two contexts per submission; their set-up was a tenth of its CPU).
builder.Services.AddPooledDbContextFactory<MutualisonsDbContext>((services, options) =>
    options.UseMutualisonsDatabase(services.GetRequiredService<IConfiguration>().GetMutualisonsConnectionString()));
builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
builder.Services.Configure<Mutualisons.Web.Features.Resources.MapData.MapDataOptions>(builder.Configuration.GetSection(Mutualisons.Web.Features.Resources.MapData.MapDataOptions.Section));
builder.Services.AddHealthChecks().AddDbContextCheck<MutualisonsDbContext>("database");

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAccounts(builder.Configuration, builder.Environment);
builder.Services.AddProductLocalization();
builder.Services.AddMudServices();
// The answer pages' validator holds no state and no localizer: one for the app, not one per request.
builder.Services.AddSingleton<IValidator<SectionAnswers>, SectionAnswersValidator>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, scan => scan.ValidatorType != typeof(SectionAnswersValidator));
builder.Services.AddScoped<LabWrites>();
builder.Services.AddScoped<OrganisationService>();
builder.Services.AddScoped<LabService>();
builder.Services.AddScoped<PeopleService>();
builder.Services.AddScoped<InvitationService>();
builder.Services.AddScoped<AccountService>();
builder.Services.AddScoped<AuditService>();
builder.Services.AddScoped<PublicsDashboardService>();
builder.Services.AddScoped<StakeholderService>();
builder.Services.AddScoped<ActivityService>();
builder.Services.AddScoped<PilotGroupService>();
builder.Services.AddScoped<PublicsExportService>();
builder.Services.AddScoped<DirectoryService>();
builder.Services.AddScoped<ImpactOverviewService>();
builder.Services.AddScoped<ImpactStatementService>();
builder.Services.AddScoped<ImpactHypothesisService>();
builder.Services.AddScoped<IndicatorSourceService>();
builder.Services.AddScoped<CatalogueService>();
builder.Services.AddScoped<LabCatalogueService>();
builder.Services.AddScoped<ImpactExportService>();
builder.Services.AddScoped<EvaluationFrameService>();
builder.Services.AddScoped<MutualisationLogicService>();
builder.Services.AddScoped<ImpactChainService>();
builder.Services.AddScoped<ExperimentService>();
builder.Services.AddScoped<ValidationService>();
builder.Services.AddScoped<GovernanceService>();
builder.Services.AddScoped<SwotService>();
builder.Services.AddScoped<DecisionReminderService>();
builder.Services.AddTransient<DecisionReminderJob>();
builder.Services.AddScoped<WorkingGroupService>();
builder.Services.AddScoped<ResourceService>();
builder.Services.AddScoped<BookingService>();
builder.Services.AddScoped<OccupancyService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Resources.MapData.MapDataSetService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Resources.MapData.MapContributionService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Resources.MapData.MapReadService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Resources.MapData.MapExportService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Resources.MapData.MapImportService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Methods.MethodsService>();
builder.Services.AddSingleton<UserMarkdown>();
builder.Services.AddScoped<StoryService>();
builder.Services.AddScoped<InspirationService>();
builder.Services.AddScoped<CheckInService>();
builder.Services.AddScoped<SynthesisService>();
// One listening connection per instance carries workshop changes from every instance (LISTEN/NOTIFY).
builder.Services.AddSingleton<WorkshopSignals>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<WorkshopSignals>());
builder.Services.AddScoped<WorkshopRoomService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Workshops.Preparation.WorkshopPreparationService>();
builder.Services.AddScoped<Mutualisons.Web.Features.Workshops.Console.WorkshopConsoleService>();
builder.Services.AddScoped<WorkshopOutcomesService>();
builder.Services.AddScoped<WorkshopAttendanceService>();
builder.Services.AddScoped<WorkshopConversionService>();
builder.Services.AddScoped<WorkshopExportService>();
builder.Services.AddWorkshopRoomLimits();
builder.Services.AddMemoryCache();
builder.Services.AddScoped<RespondentService>();
builder.Services.AddScoped<QuestionnaireService>();
builder.Services.AddScoped<ResultsService>();
builder.Services.AddScoped<NeedsService>();
builder.Services.AddSingleton<MailTemplates>();
builder.Services.AddScoped<QuestionnaireLinks>();
builder.Services.AddScoped<SendingService>();
builder.Services.AddScoped<ReminderService>();
builder.Services.AddTransient<ReminderJob>();
builder.Services.AddScheduling(builder.Configuration);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
// A bound query value that does not parse (kind=Bogus) is a 400 in every environment, shown as a readable page.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);

var app = builder.Build();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    await app.Services.MigrateDatabaseAsync();
    return;
}
await app.Services.PrepareDatabaseAsync();
localCluster?.StopWhenApplicationStops(app.Lifetime);

// Client addresses first: rate limits and sign-in lockouts count per client, not per proxy.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
// Never a stack trace in the browser, in any environment: details go to the log. A malformed request is a 400.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    CreateScopeForErrors = true,
    StatusCodeSelector = ReadableErrors.StatusOf,
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSerilogRequestLogging();
app.UseProductLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseReadableAnswerForms();
app.UseAntiforgery();
app.UseExpiredAnswerForms();
app.UseReadableFormErrors();

app.MapStaticAssets().AllowAnonymous();
app.MapDatabaseHealth("/health").AllowAnonymous();
app.MapCultureSwitch().AllowAnonymous();
app.MapAccountEndpoints();
app.MapPublicsExports();
app.MapStoryPictures();
app.MapSynthesisDownloads();
app.MapQuestionnaireExports();
app.MapImpactExports();
app.MapGovernanceExports();
app.MapWorkshopExports();
app.MapMapDataEndpoints();
app.MapAnswerAutosave();
app.MapWorkshopRoomEvents();
app.MapRazorComponents<App>()
    // SecurityHeaders sends the whole policy, frame-ancestors included.
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();

/// <summary>Entry point, visible to the test hosts.</summary>
public partial class Program;
