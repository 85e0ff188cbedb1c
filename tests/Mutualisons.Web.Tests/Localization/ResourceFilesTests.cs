using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mutualisons.Web.Tests.Localization;

/// <summary>Every text exists in French, Dutch and English, and every key the code uses exists.</summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string WebProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Mutualisons.Web"));

    private static Dictionary<string, string> Read(string suffix) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource{suffix}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void French_Dutch_and_English_have_the_same_keys_and_no_empty_text()
    {
        var french = Read(string.Empty);
        var dutch = Read(".nl");
        var english = Read(".en");

        Assert.Equal(french.Keys.Order(), dutch.Keys.Order());
        Assert.Equal(french.Keys.Order(), english.Keys.Order());
        Assert.All(new[] { french, dutch, english }.SelectMany(d => d), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
    }

    [Fact]
    public void Every_key_used_in_the_code_has_a_text()
    {
        var keys = Read(string.Empty).Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(keys.Contains(u.Key), $"{u.File} uses '{u.Key}', which has no text."));
    }

    [Fact]
    public void Every_enum_member_shown_to_users_has_a_text()
    {
        var keys = Read(string.Empty).Keys.ToHashSet();
        Type[] shown = [typeof(Domain.Labs.Cycle), typeof(Domain.Labs.CycleState), typeof(Domain.Labs.ResourceKind), typeof(Domain.Labs.CooperationLevel),
            typeof(Domain.Labs.MembershipRole), typeof(Domain.Organisations.OrganisationKind), typeof(Domain.Organisations.Language), typeof(Domain.Organisations.ContactRole),
            typeof(Domain.Access.LabRole), typeof(Domain.Access.InvitationState), typeof(Domain.Audit.AuditAction),
            typeof(Domain.Publics.ParticipationLevel), typeof(Domain.Publics.StakeholderKind), typeof(Domain.Publics.ActivityKind), typeof(Domain.Publics.ActivityStatus),
            typeof(Domain.Labs.ImpactObjective), typeof(Domain.Diagnostic.QuestionType), typeof(Domain.Diagnostic.QuestionnaireState), typeof(Domain.Diagnostic.RespondentProgress),
            typeof(Domain.Impact.Audience), typeof(Domain.Impact.EffectNature), typeof(Domain.Impact.EffectSign), typeof(Domain.Impact.HypothesisStatus), typeof(Domain.Impact.IndicatorDirection),
            typeof(Domain.Impact.IndicatorSource), typeof(Domain.Impact.IndicatorUnit), typeof(Domain.Impact.EvidenceKind), typeof(Domain.Impact.StatementField),
            typeof(Domain.Impact.EvaluationPurpose), typeof(Domain.Impact.EvaluationAudience), typeof(Domain.Impact.EvaluationMethod), typeof(Domain.Impact.EvaluationTiming),
            typeof(Domain.Impact.ImpactComplexity), typeof(Domain.Impact.MutualisationLogic), typeof(Domain.Impact.ScalingStrategy),
            typeof(Domain.ToolConfiguration.ExperimentStatus), typeof(Domain.ToolConfiguration.PortfolioQuadrant),
            typeof(Domain.Labs.MutualisationOpportunity), typeof(Domain.Labs.MutualisationRisk), typeof(Domain.Notebook.NavigationWeather), typeof(Domain.Notebook.FacilitationNeed),
            typeof(Mutualisons.Web.Features.Notebook.Synthesis.SynthesisSection),
            typeof(Domain.Resources.PooledResourceKind), typeof(Domain.Resources.ResourceSide), typeof(Domain.Resources.Skill), typeof(Domain.Resources.UpdateFrequency),
            typeof(Domain.Resources.Weekdays), typeof(Domain.Resources.MatchReason), typeof(Domain.Impact.PlatformFigure),
            typeof(Domain.ToolConfiguration.ValidationRule), typeof(Domain.ToolConfiguration.ValidationPosition), typeof(Domain.ToolConfiguration.ObjectionTurn),
            typeof(Domain.ToolConfiguration.BodyKind), typeof(Domain.ToolConfiguration.DecisionMode), typeof(Domain.ToolConfiguration.VoterKind), typeof(Domain.ToolConfiguration.ModeStatus),
            typeof(Domain.ToolConfiguration.DecisionPosition), typeof(Domain.ToolConfiguration.DecisionOutcome), typeof(Domain.ToolConfiguration.DecisionLogKind),
            typeof(Domain.ToolConfiguration.SwotQuadrant), typeof(Domain.ToolConfiguration.DecisionSubjectKind),
            typeof(Domain.Resources.MapData.MapDataVisibility), typeof(Domain.Resources.MapData.ContributionStatus), typeof(Domain.Resources.MapData.MapEntryEventKind)];

        var missing = shown.SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}")).Where(k => !keys.Contains(k)).ToList();

        Assert.Empty(missing);
        Assert.All(Enum.GetNames<Domain.Labs.Cycle>(), c => Assert.Contains($"Cycle.{c}.Purpose", keys));
        // Each unit explains, beside a value that does not fit, which values it takes.
        Assert.All(Enum.GetNames<Domain.Impact.IndicatorUnit>(), u => Assert.Contains($"Validation.Impact.Unit.{u}", keys));
        // Each complexity and each logic is explained in the product's words where it is shown.
        Assert.All(Enum.GetNames<Domain.Impact.ImpactComplexity>(), c => Assert.Contains($"ImpactComplexity.{c}.Help", keys));
        Assert.All(Enum.GetNames<Domain.Impact.MutualisationLogic>(), l => Assert.Contains($"MutualisationLogic.{l}.Help", keys));
        // Each lifecycle move is offered by a button named for where it goes.
        Assert.All(Enum.GetNames<Domain.ToolConfiguration.ExperimentStatus>(), s => Assert.Contains($"Experiments.MoveTo.{s}", keys));
        Assert.All(Enum.GetNames<Mutualisons.Web.Features.ToolConfiguration.Experiments.PortfolioTable.Column>(), c => Assert.Contains($"Portfolio.Column.{c}", keys));
        // Each square of a SWOT board says what goes in it.
        Assert.All(Enum.GetNames<Domain.ToolConfiguration.SwotQuadrant>(), q => Assert.Contains($"SwotQuadrant.{q}.Help", keys));
        Assert.All(Enum.GetNames<Domain.ToolConfiguration.DecisionSubjectKind>(), k => Assert.Contains($"Decisions.About.{k}", keys));
        Assert.All(Enum.GetNames<Domain.ToolConfiguration.DecisionSubjectKind>(), k => Assert.Contains($"Decisions.Target.{k}", keys));
        Assert.All(Enum.GetNames<Domain.ToolConfiguration.DecisionSubjectKind>(), k => Assert.Contains($"Validation.Decision.TargetRequired.{k}", keys));
        Assert.All(Enum.GetNames<Mutualisons.Web.Features.ToolConfiguration.Governance.CarryOverState>(), s => Assert.Contains($"Decisions.CarryOverState.{s}", keys));
        Assert.All(Domain.Audit.AuditSubject.All, s => Assert.Contains($"Audit.Subject.{s}", keys));
    }

    [GeneratedRegex("""\b[Ll]\["([A-Z][A-Za-z]+\.[A-Za-z.]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
