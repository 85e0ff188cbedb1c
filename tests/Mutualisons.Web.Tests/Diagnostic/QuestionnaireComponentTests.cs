using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Results;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Diagnostic;

public sealed class QuestionnaireComponentTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public QuestionnaireComponentTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static readonly QuestionDefinition Workshop = new() { Type = QuestionType.YesNo, Required = true, Text = new("Viendrez-vous ?", "Komt u?", "Will you come?") };

    private static QuestionnaireContent Content(params QuestionDefinition[] questions) =>
        new() { Title = new("Q", "V", "Q"), Sections = [new SectionDefinition { Title = new("Partie", "Deel", "Part"), Questions = [Workshop, .. questions] }] };

    private IRenderedComponent<QuestionField> Field(QuestionnaireContent content, QuestionDefinition question, SubmittedAnswer? answer = null, string? error = null, string language = "fr") =>
        _context.Render<QuestionField>(p => p
            .Add(f => f.Content, content)
            .Add(f => f.Question, question)
            .Add(f => f.Answer, answer ?? SubmittedAnswer.None)
            .Add(f => f.Error, error)
            .Add(f => f.Language, language));

    [Fact]
    public void A_choice_question_is_a_labelled_group_of_native_inputs_that_keeps_the_answer()
    {
        var question = new QuestionDefinition
        {
            Type = QuestionType.MultipleChoice, AllowOther = true, Text = new("Besoins ?", "Noden?", "Needs?"),
            Options = [new OptionDefinition { Text = new("Salles", "Zalen", "Rooms") }, new OptionDefinition { Text = new("Bureaux", "Kantoren", "Offices") }],
        };
        var field = Field(Content(question), question, new SubmittedAnswer([question.Options[1].Key, QuestionDefinition.OtherChoice], "Une cuisine"));

        Assert.Equal("Q2. Besoins ?", field.Find("fieldset legend").TextContent.Trim());
        var boxes = field.FindAll($"input[type=checkbox][name='{AnswerFields.Name(question.Id)}']");
        Assert.Equal(3, boxes.Count);
        Assert.False(boxes[0].HasAttribute("checked"));
        Assert.True(boxes[1].HasAttribute("checked"));
        Assert.Equal("Une cuisine", field.Find($"input[name='{AnswerFields.Other(question.Id)}']").GetAttribute("value"));
    }

    [Fact]
    public void A_problem_is_shown_beside_its_question_and_tied_to_the_input()
    {
        var question = new QuestionDefinition { Type = QuestionType.Number, Minimum = 0, Maximum = 10, Text = new("Combien ?", "Hoeveel?", "How many?"), Help = new("En personnes", "In personen", "In people") };
        var field = Field(Content(question), question, new SubmittedAnswer(["douze"]), "NotANumber");

        var input = field.Find("input.answer-number-input");
        Assert.Equal("douze", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal($"help-{question.Id:N} error-{question.Id:N}", input.GetAttribute("aria-describedby"));
        Assert.Equal("Indiquez un nombre, par exemple 12 ou 12,5.", field.Find($"#error-{question.Id:N}").TextContent.Trim());
        Assert.Equal($"input-{question.Id:N}", field.Find("label.answer-label").GetAttribute("for"));
        Assert.Contains("Entre 0 et 10.", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_question_tells_the_browser_what_it_depends_on_and_says_so_without_script()
    {
        var question = new QuestionDefinition { Type = QuestionType.ShortText, Text = new("Quel jour ?", "Welke dag?", "Which day?"), Condition = new DisplayCondition { QuestionId = Workshop.Id, Values = [QuestionDefinition.Yes] } };
        var field = Field(Content(question), question);

        var block = field.Find($"#q-{question.Id:N}");
        Assert.Equal(Workshop.Id.ToString("N"), block.GetAttribute("data-show-if"));
        Assert.Equal("yes", block.GetAttribute("data-show-values"));
        Assert.Contains("À remplir seulement selon votre réponse à Q1.", field.Find(".answer-condition-hint").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rankings_offer_one_rank_per_option_and_texts_follow_the_respondents_language()
    {
        var question = new QuestionDefinition
        {
            Type = QuestionType.Ranking, Text = new("Priorités ?", "Prioriteiten?", "Priorities?"),
            Options = [new OptionDefinition { Text = new("Lieu", "Plek", "Place") }, new OptionDefinition { Text = new("Données", "", "Data") }],
        };
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var field = Field(Content(question), question, new SubmittedAnswer([$"{question.Options[1].Key}:1"]), language: "nl");

        Assert.Contains("Prioriteiten?", field.Find("legend").TextContent, StringComparison.Ordinal);
        var selects = field.FindAll("select");
        Assert.Equal(2, selects.Count);
        Assert.Equal(AnswerFields.Rank(question.Id, question.Options[0].Key), selects[0].GetAttribute("name"));
        Assert.True(selects[1].QuerySelector("option[value='1']")!.HasAttribute("selected"));
        // The Dutch text is missing: the French one is shown rather than nothing.
        Assert.Contains("Données", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_can_only_look_back_at_questions_that_give_choices()
    {
        var text = new QuestionDefinition { Type = QuestionType.ShortText, Text = new("Nom ?", "", "") };
        var later = new QuestionDefinition { Type = QuestionType.YesNo, Text = new("Plus tard ?", "", "") };
        var target = new QuestionDefinition { Type = QuestionType.LongText, Text = new("Détails ?", "", "") };
        var content = Content(text, target, later);
        var popover = _context.Render<MudPopoverProvider>();
        var editor = _context.Render<ConditionEditor>(p => p.Add(c => c.Content, content).Add(c => c.QuestionId, target.Id));

        editor.Find(".mud-input-control.condition-source").MouseDown();

        popover.WaitForAssertion(() => Assert.Contains("Q1. Viendrez-vous ?", popover.Markup, StringComparison.Ordinal));
        // A text question gives no choice to depend on, and a later question is not an earlier answer.
        Assert.DoesNotContain("Nom ?", popover.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Plus tard ?", popover.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_bars_show_counts_and_percentages_as_a_table()
    {
        var bars = _context.Render<ResultBars>(p => p
            .Add(b => b.Rows, [new ChoiceCount("a", "Salles", 3, 75), new ChoiceCount("b", "Bureaux", 1, 25)])
            .Add(b => b.Caption, "Besoins"));

        var rows = bars.FindAll("tbody tr");
        Assert.Equal("Salles", rows[0].QuerySelector("th")!.TextContent);
        Assert.Equal("3", rows[0].QuerySelector(".result-count")!.TextContent);
        Assert.Contains("width: 75%", rows[0].QuerySelector(".result-bar")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("25 %", rows[1].QuerySelector(".result-percent")!.TextContent.Trim());
        Assert.Equal("Besoins", bars.Find("caption").TextContent);
    }
}
