using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Questionnaires;

public partial class QuestionnaireEditorPage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid Id { get; set; }

    private QuestionnaireEditor? _editor;
    private QuestionnaireContent? _draft;
    private bool _loaded;
    private bool _busy;
    private bool _dirty;
    private string _language = ProductLocalization.French;
    private SaveResult? _result;

    // The crumbs between the lab and this page.
    private BreadcrumbItem[] Trail =>
    [
        new(L["Questionnaires.Title"], AppRoutes.Questionnaires(LabId)),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _language = ProductLocalization.CurrentLanguage;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _editor = await Questionnaires.GetEditorAsync(LabId, Id);
        _draft = _editor?.Draft;
        _dirty = false;
        _loaded = true;
    }

    private void Touch() => _dirty = true;

    /// <summary>"Sections[1].Questions[0].Text.Fr" read as "Partie 2 · Q3", so a problem can be found on the page.</summary>
    private string Where(string path)
    {
        var match = System.Text.RegularExpressions.Regex.Match(path, @"^Sections\[(\d+)\](?:\.Questions\[(\d+)\])?");
        if (!match.Success || _draft is null)
        {
            return L["Questionnaires.Name"];
        }
        var section = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var text = L["Editor.Section", section + 1].Value;
        if (match.Groups[2].Success && section < _draft.Sections.Count && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var q && q < _draft.Sections[section].Questions.Count)
        {
            text += $" · Q{_draft.NumberOf(_draft.Sections[section].Questions[q].Id)}";
        }
        return text;
    }

    private void AddSection()
    {
        _draft!.Sections.Add(new SectionDefinition { Questions = [NewQuestion()] });
        Touch();
    }

    private void AddQuestion(SectionDefinition section)
    {
        section.Questions.Add(NewQuestion());
        Touch();
    }

    private static QuestionDefinition NewQuestion()
    {
        var question = new QuestionDefinition();
        question.ChangeType(QuestionType.SingleChoice);
        return question;
    }

    private void ChangeType(QuestionDefinition question, QuestionType type)
    {
        question.ChangeType(type);
        Touch();
    }

    private void MoveSection(int index, int step)
    {
        var sections = _draft!.Sections;
        (sections[index], sections[index + step]) = (sections[index + step], sections[index]);
        Touch();
    }

    private void MoveQuestion(SectionDefinition section, int index, int step)
    {
        (section.Questions[index], section.Questions[index + step]) = (section.Questions[index + step], section.Questions[index]);
        Touch();
    }

    private async Task DeleteSectionAsync(int index)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Editor.DeleteSection"], L["Editor.DeleteSectionConfirm", index + 1], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            _draft!.Sections.RemoveAt(index);
            Touch();
        }
    }

    private async Task DeleteQuestionAsync(SectionDefinition section, int index)
    {
        var number = _draft!.NumberOf(section.Questions[index].Id);
        if (await Dialogs.ShowMessageBoxAsync(L["Editor.DeleteQuestion"], L["Editor.DeleteQuestionConfirm", number], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            section.Questions.RemoveAt(index);
            Touch();
        }
    }

    private async Task<bool> SaveCoreAsync()
    {
        _result = await Questionnaires.SaveDraftAsync(LabId, Id, _editor!.Version, _draft!);
        if (_result.Succeeded)
        {
            var language = _language;
            await LoadAsync();
            _language = language;
        }
        return _result.Succeeded;
    }

    private async Task SaveAsync()
    {
        if (_busy || _editor is null)
        {
            return;
        }
        _busy = true;
        try
        {
            if (await SaveCoreAsync())
            {
                Snackbar.Add(L["Save.Done"], Severity.Success);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PublishAsync()
    {
        if (_busy || _editor is null)
        {
            return;
        }
        var next = _editor.LatestVersion + 1;
        string text = _editor.LatestVersion == 0 ? L["Editor.PublishFirstConfirm"] : L["Editor.PublishAgainConfirm", next, _editor.LatestVersion];
        // Respondents of an incomplete language will read the whole questionnaire in another: said before it happens.
        var missing = _draft!.MissingTranslations().Count();
        if (missing > 0)
        {
            text = $"{text} {L["Editor.PublishMissingConfirm", missing, string.Join(" ", TranslationGaps.Fallbacks(_draft, L))]}";
        }
        if (await Dialogs.ShowMessageBoxAsync(L["Editor.Publish"], text, yesText: missing > 0 ? L["Editor.PublishAnyway"] : L["Editor.Publish"], cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }
        _busy = true;
        try
        {
            if (_dirty && !await SaveCoreAsync())
            {
                return;
            }
            _result = await Questionnaires.PublishAsync(LabId, Id, _editor.Version);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Editor.Published", next], Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (_busy || _editor is null)
        {
            return;
        }
        if (await Dialogs.ShowMessageBoxAsync(L["Common.Delete"], L["Editor.DeleteConfirm", _editor.Responses], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }
        _busy = true;
        try
        {
            _result = await Questionnaires.DeleteAsync(LabId, Id, _editor.Version);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Save.Deleted"], Severity.Success);
                Navigation.NavigateTo(AppRoutes.Questionnaires(LabId));
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
