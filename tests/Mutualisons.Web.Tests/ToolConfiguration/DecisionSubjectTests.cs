using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Web.Features.ToolConfiguration.Governance;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.ToolConfiguration;

/// <summary>What a decision decided, as its page and the log show it, the one-click follow-up, and the proposal and weights validators.</summary>
public sealed class DecisionSubjectTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Guid Lab = Guid.NewGuid();
    private readonly BunitContext _context = new();

    public DecisionSubjectTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private IStringLocalizer<SharedResource> L => _context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    [Fact]
    public void A_decision_on_a_mode_links_the_bodies_page_and_once_ready_offers_the_adoption_to_the_pilot_group_only()
    {
        var assembly = Guid.NewGuid();
        var clicked = 0;
        var line = _context.Render<DecisionSubjectLine>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Subject, new SubjectLine(DecisionSubjectKind.DecisionMode, assembly, "Assemblée des occupants", null))
            .Add(c => c.CarryOver, new CarryOver(CarryOverState.Ready, 7)).Add(c => c.MayConfigure, true)
            .Add(c => c.OnCarryOver, () => clicked++));

        Assert.Contains("À propos du mode de décision de", line.Find("[data-subject='DecisionMode']").TextContent, StringComparison.Ordinal);
        Assert.Equal(AppRoutes.Bodies(Lab), line.Find("a[data-target='Assemblée des occupants']").GetAttribute("href"));
        line.Find("[data-carry-over-button]").Click();
        Assert.Equal(1, clicked);

        var reader = _context.Render<DecisionSubjectLine>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Subject, new SubjectLine(DecisionSubjectKind.DecisionMode, assembly, "Assemblée des occupants", null))
            .Add(c => c.CarryOver, new CarryOver(CarryOverState.Ready, 7)).Add(c => c.MayConfigure, false));
        Assert.Empty(reader.FindAll("[data-carry-over-button]"));
    }

    [Fact]
    public void A_decision_on_a_validation_rule_names_the_experiment_and_the_rule_and_says_when_it_was_applied()
    {
        var council = Guid.NewGuid();
        var line = _context.Render<DecisionSubjectLine>(p => p
            .Add(c => c.LabId, Lab)
            .Add(c => c.Subject, new SubjectLine(DecisionSubjectKind.ValidationRule, council, "Conseil des occupants", ValidationRule.NoUnresolvedObjection))
            .Add(c => c.CarryOver, new CarryOver(CarryOverState.Done, 3)).Add(c => c.MayConfigure, true));

        Assert.Equal(AppRoutes.Experiment(Lab, council), line.Find("a[data-target='Conseil des occupants']").GetAttribute("href"));
        Assert.Contains("Aucune objection non résolue", line.Find("[data-proposed-rule='NoUnresolvedObjection']").TextContent, StringComparison.Ordinal);
        Assert.Contains("C'est fait", line.Find("[data-carry-over='Done']").TextContent, StringComparison.Ordinal);
        Assert.Empty(line.FindAll("[data-carry-over-button]"));
    }

    [Fact]
    public void A_decision_about_nothing_shows_nothing_and_a_deleted_target_is_said_to_be_gone()
    {
        var nothing = _context.Render<DecisionSubjectLine>(p => p.Add(c => c.LabId, Lab).Add(c => c.Subject, null));
        Assert.Empty(nothing.FindAll("[data-subject]"));

        var gone = _context.Render<DecisionSubjectLine>(p => p.Add(c => c.LabId, Lab).Add(c => c.Subject, new SubjectLine(DecisionSubjectKind.Experiment, null, null, null)));
        Assert.Contains("supprimé depuis", gone.Find("[data-subject='Experiment']").TextContent, StringComparison.Ordinal);
        Assert.Empty(gone.FindAll("a"));
    }

    [Fact]
    public void A_proposal_names_its_target_when_it_has_a_subject_and_a_rule_only_for_a_validation_rule()
    {
        var validator = new ProposalInputValidator(L);
        ProposalInput Input(DecisionSubjectKind? subject, Guid? target, ValidationRule? rule) =>
            new() { BodyId = Guid.NewGuid(), Title = "Adopter", Deadline = "2099-01-01", Subject = subject, TargetId = target, ProposedRule = rule };

        Assert.True(validator.Validate(Input(null, null, null)).IsValid);
        Assert.True(validator.Validate(Input(DecisionSubjectKind.DecisionMode, Guid.NewGuid(), null)).IsValid);
        Assert.True(validator.Validate(Input(DecisionSubjectKind.ValidationRule, Guid.NewGuid(), ValidationRule.AllApprove)).IsValid);
        var noTarget = validator.Validate(Input(DecisionSubjectKind.DecisionMode, null, null));
        Assert.Equal(["Choisissez l'instance dont le mode est décidé."], noTarget.Errors.Where(e => e.PropertyName == nameof(ProposalInput.TargetId)).Select(e => e.ErrorMessage));
        Assert.Contains(validator.Validate(Input(null, Guid.NewGuid(), null)).Errors, e => e.PropertyName == nameof(ProposalInput.TargetId));
        Assert.Contains(validator.Validate(Input(DecisionSubjectKind.ValidationRule, Guid.NewGuid(), null)).Errors, e => e.PropertyName == nameof(ProposalInput.ProposedRule));
        Assert.Contains(validator.Validate(Input(DecisionSubjectKind.Experiment, Guid.NewGuid(), ValidationRule.AllApprove)).Errors, e => e.PropertyName == nameof(ProposalInput.ProposedRule));
        Assert.Contains(validator.Validate(Input((DecisionSubjectKind)9, Guid.NewGuid(), null)).Errors, e => e.PropertyName == nameof(ProposalInput.Subject));
    }

    [Fact]
    public void Weights_are_whole_numbers_from_1_to_100_for_at_least_one_organisation()
    {
        var validator = new WeightsInputValidator(L);

        Assert.True(validator.Validate(new WeightsInput { Weights = { [Guid.NewGuid()] = 1, [Guid.NewGuid()] = Body.MaxWeight } }).IsValid);
        Assert.False(validator.Validate(new WeightsInput()).IsValid);
        Assert.False(validator.Validate(new WeightsInput { Weights = { [Guid.NewGuid()] = 0 } }).IsValid);
        Assert.False(validator.Validate(new WeightsInput { Weights = { [Guid.NewGuid()] = -3 } }).IsValid);
        var tooHeavy = validator.Validate(new WeightsInput { Weights = { [Guid.NewGuid()] = Body.MaxWeight + 1 } });
        Assert.Contains("100", Assert.Single(tooHeavy.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.False(validator.Validate(new WeightsInput { Weights = { [Guid.Empty] = 2 } }).IsValid);
    }
}
