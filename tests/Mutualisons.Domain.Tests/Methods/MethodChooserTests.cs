using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Methods;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Tests.Methods;

public sealed class MethodChooserTests
{
    [Fact]
    public void A_wide_questionnaire_comes_first_to_consult_a_hundred_organisations_in_the_diagnosis()
    {
        var suggestions = MethodChooser.Suggest(new MethodNeed(Cycle.Diagnostic, ParticipationLevel.Consultation, 100, 8));

        Assert.Equal("wide-questionnaire", suggestions[0].Method.Key);
        Assert.Contains(suggestions[0].Notes, n => n.Reason == ChoiceReason.SuitsGroupSize);
        // Bilateral meetings would have to be held seven times: they rank below, and say so.
        var bilateral = Assert.Single(suggestions, s => s.Method.Key == "bilateral-meetings");
        Assert.Contains(new ChoiceNote(ChoiceReason.MustBeRepeated, 7), bilateral.Notes);
        Assert.True(bilateral.Score < suggestions[0].Score);
    }

    [Fact]
    public void Bilateral_meetings_suit_a_handful_of_organisations_to_meet_before_a_first_workshop()
    {
        var suggestions = MethodChooser.Suggest(new MethodNeed(Cycle.Publics, ParticipationLevel.Discussion, 8, 4));

        var bilateral = Assert.Single(suggestions, s => s.Method.Key == "bilateral-meetings");
        Assert.Contains(bilateral.Notes, n => n.Reason == ChoiceReason.SuitsGroupSize);
        // A public day needs thirty people at least: it is still listed, with what holds it back.
        var day = Assert.Single(suggestions, s => s.Method.Key == "public-co-creation-day");
        Assert.Contains(new ChoiceNote(ChoiceReason.GroupTooSmall, 30), day.Notes);
        Assert.True(day.Score < bilateral.Score);
    }

    [Fact]
    public void Only_methods_that_serve_the_cycle_at_the_level_sought_are_suggested()
    {
        var suggestions = MethodChooser.Suggest(new MethodNeed(Cycle.ToolConfiguration, ParticipationLevel.Collaboration, 6, 10));

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s =>
        {
            Assert.Contains(Cycle.ToolConfiguration, s.Method.Cycles);
            Assert.Contains(ParticipationLevel.Collaboration, s.Method.Levels);
        });
        Assert.DoesNotContain(suggestions, s => s.Method.Key == "wide-questionnaire");
    }

    [Fact]
    public void Too_little_time_lowers_a_method_and_names_the_weeks_it_needs()
    {
        var enough = Assert.Single(MethodChooser.Suggest(new MethodNeed(Cycle.Publics, ParticipationLevel.Consultation, 100, 8)), s => s.Method.Key == "public-co-creation-day");
        var hurried = Assert.Single(MethodChooser.Suggest(new MethodNeed(Cycle.Publics, ParticipationLevel.Consultation, 100, 3)), s => s.Method.Key == "public-co-creation-day");

        Assert.Contains(new ChoiceNote(ChoiceReason.FitsTime, 8), enough.Notes);
        Assert.Contains(new ChoiceNote(ChoiceReason.NeedsMoreTime, 8), hurried.Notes);
        Assert.Equal(enough.Score - 30, hurried.Score);
    }

    [Fact]
    public void No_method_serves_a_level_the_library_does_not_offer_in_that_cycle()
    {
        Assert.Empty(MethodChooser.Suggest(new MethodNeed(Cycle.CoreMethods, ParticipationLevel.Deliberation, 10, 10)));
    }

    [Fact]
    public void Every_library_method_is_complete_in_the_three_languages()
    {
        Assert.Equal(MethodLibrary.All.Count, MethodLibrary.All.Select(m => m.Key).Distinct().Count());
        foreach (var method in MethodLibrary.All)
        {
            foreach (var text in new[] { method.Name, method.Summary }.Concat(method.Steps).Concat(method.Pitfalls))
            {
                Assert.All(Cultures.All, language => Assert.False(string.IsNullOrWhiteSpace(text[language]), $"{method.Key}: {language} missing"));
            }
            Assert.NotEmpty(method.Levels);
            Assert.NotEmpty(method.Cycles);
            Assert.NotEmpty(method.Steps);
            Assert.NotEmpty(method.Pitfalls);
            Assert.InRange(method.SmallestGroup, 1, method.LargestGroup);
            Assert.True(method.Key.Length <= Limits.Key);
        }
    }

    [Fact]
    public void An_activity_follows_a_library_method_or_none_and_refuses_an_unknown_one()
    {
        var activity = new Activity(Guid.NewGuid(), "Enquête large", ActivityKind.Questionnaire, null, [Cycle.Diagnostic], DateTimeOffset.UtcNow, null, ParticipationLevel.Consultation, DateTimeOffset.UtcNow);

        activity.Follow("wide-questionnaire");
        Assert.Equal("wide-questionnaire", activity.MethodKey);

        var refused = Assert.Throws<DomainException>(() => activity.Follow("tarot-reading"));
        Assert.Equal("Activity.MethodUnknown", refused.Code);
        Assert.Equal("wide-questionnaire", activity.MethodKey);

        activity.Follow(null);
        Assert.Null(activity.MethodKey);
    }

    [Fact]
    public void A_working_group_meeting_follows_the_working_group_method_unless_it_names_another()
    {
        var lab = Guid.NewGuid();
        var group = new Domain.ToolConfiguration.WorkingGroup(lab, "GT Éco-label", null, Guid.NewGuid(), null, DateTimeOffset.UtcNow);
        Activity Meeting() => new(lab, "Réunion du GT", ActivityKind.WorkingGroupMeeting, null, [Cycle.ToolConfiguration], DateTimeOffset.UtcNow, null, ParticipationLevel.Collaboration, DateTimeOffset.UtcNow);

        var plain = Meeting();
        group.LinkMeeting(plain);
        var visit = Meeting();
        visit.Follow("site-visit");
        group.LinkMeeting(visit);

        Assert.Equal(MethodLibrary.WorkingGroupKey, plain.MethodKey);
        Assert.Equal("site-visit", visit.MethodKey);
    }
}
