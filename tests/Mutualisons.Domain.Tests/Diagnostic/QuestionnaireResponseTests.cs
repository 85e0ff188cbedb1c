using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class QuestionnaireResponseTests
{
    private readonly Sample _sample = new();

    private QuestionnaireContent Content => _sample.Content;

    /// <summary>Answers section 0 with the given "shares a place" choice and, when it is yes, the place.</summary>
    private void AnswerOrganisation(QuestionnaireResponse response, string sharesPlace, string? placeDetails = null, DateTimeOffset? at = null)
    {
        var page = Page((_sample.Kind, A(_sample.Asbl.Key)), (_sample.SharesPlace, A(sharesPlace)));
        if (placeDetails is not null)
        {
            page[_sample.PlaceDetails.Id] = A(placeDetails);
        }
        Assert.Empty(response.SaveSection(Content, 0, page, "fr", at ?? Now));
    }

    [Fact]
    public void A_response_starts_empty_on_the_first_section()
    {
        var questionnaire = Guid.NewGuid();
        var version = Guid.NewGuid();
        var invitation = Guid.NewGuid();
        var organisation = Guid.NewGuid();

        var response = QuestionnaireResponse.Start(questionnaire, version, invitation, organisation, null, "nl", Now);

        Assert.Equal(questionnaire, response.QuestionnaireId);
        Assert.Equal(version, response.VersionId);
        Assert.Equal(invitation, response.InvitationId);
        Assert.Equal(organisation, response.OrganisationId);
        Assert.Equal("nl", response.Language);
        Assert.Equal(0, response.CurrentSection);
        Assert.Equal(Now, response.StartedAt);
        Assert.Empty(response.Answers);
        Assert.False(response.IsSubmitted);
    }

    [Fact]
    public void An_unknown_language_falls_back_to_French()
    {
        Assert.Equal("fr", NewResponse("de").Language);

        var response = NewResponse("en");
        AnswerOrganisation(response, QuestionDefinition.No);
        Assert.Equal("fr", response.Language);
        response.SaveSection(Content, 2, Page(), "xx", Now);
        Assert.Equal("fr", response.Language);
    }

    [Fact]
    public void Saving_a_section_stores_one_row_per_value()
    {
        var response = NewResponse();

        var errors = response.SaveSection(Content, 2, Page(
            (_sample.Needs, A("Place", "Data")),
            (_sample.Priorities, A($"{_sample.Time.Key}:1", $"{_sample.Money.Key}:2")),
            (_sample.Comment, A("Rien à ajouter"))), "en", Now.AddMinutes(5));

        Assert.Empty(errors);
        Assert.Equal(5, response.Answers.Count);
        Assert.All(response.Answers, a => Assert.Equal(response.Id, a.ResponseId));
        Assert.Equal([0, 1], response.Answers.Where(a => a.QuestionId == _sample.Needs.Id).Select(a => a.Position));
        Assert.Equal([_sample.Time.Key, _sample.Money.Key], response.Answers.Where(a => a.QuestionId == _sample.Priorities.Id).Select(a => a.Choice));
        Assert.Equal("Rien à ajouter", response.Answers.Single(a => a.QuestionId == _sample.Comment.Id).Text);
        Assert.Equal("en", response.Language);
        Assert.Equal(Now.AddMinutes(5), response.UpdatedAt);
    }

    [Fact]
    public void One_malformed_answer_saves_nothing_and_is_reported_by_question()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        var before = response.Answers.ToList();

        var errors = response.SaveSection(Content, 0, Page(
            (_sample.Kind, A(_sample.Cooperative.Key)),
            (_sample.SharesPlace, A("peut-être")),
            (_sample.PlaceDetails, A("Un autre lieu"))), "nl", Now.AddHours(1));

        Assert.Equal(new Dictionary<Guid, string> { [_sample.SharesPlace.Id] = "UnknownOption" }, errors);
        Assert.Equal(before, response.Answers);
        Assert.Equal("fr", response.Language);
        Assert.Equal(Now, response.UpdatedAt);
    }

    [Fact]
    public void Every_malformed_answer_of_the_page_is_reported()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");

        var errors = response.SaveSection(Content, 1, Page((_sample.Surface, A("beaucoup")), (_sample.Satisfaction, A("7"))), "fr", Now);

        Assert.Equal(new Dictionary<Guid, string> { [_sample.Surface.Id] = "NotANumber", [_sample.Satisfaction.Id] = "OutOfRange" }, errors);
        Assert.DoesNotContain(response.Answers, a => a.QuestionId == _sample.Surface.Id || a.QuestionId == _sample.Satisfaction.Id);
    }

    [Fact]
    public void Saving_a_section_again_replaces_its_answers_and_leaves_other_sections_alone()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        response.SaveSection(Content, 1, Page((_sample.Surface, A("120")), (_sample.Satisfaction, A("4"))), "fr", Now);
        response.SaveSection(Content, 2, Page((_sample.Needs, A("Data")), (_sample.Comment, A("Merci"))), "fr", Now);

        response.SaveSection(Content, 1, Page((_sample.Surface, A("80,5"))), "fr", Now.AddMinutes(10));

        Assert.Equal(80.5m, response.Answers.Single(a => a.QuestionId == _sample.Surface.Id).Number);
        // A question of the page sent without an answer is cleared.
        Assert.DoesNotContain(response.Answers, a => a.QuestionId == _sample.Satisfaction.Id);
        Assert.Equal("La Bota", response.Answers.Single(a => a.QuestionId == _sample.PlaceDetails.Id).Text);
        Assert.Equal(_sample.Asbl.Key, response.Answers.Single(a => a.QuestionId == _sample.Kind.Id).Choice);
        Assert.Equal("Data", response.Answers.Single(a => a.QuestionId == _sample.Needs.Id).Choice);
        Assert.Equal("Merci", response.Answers.Single(a => a.QuestionId == _sample.Comment.Id).Text);
        Assert.Single(response.Answers, a => a.QuestionId == _sample.Surface.Id);
    }

    [Fact]
    public void Answering_a_question_that_is_not_on_the_page_is_refused()
    {
        var response = NewResponse();

        var otherSection = Assert.Throws<DomainException>(() => response.SaveSection(Content, 0, Page((_sample.Surface, A("12"))), "fr", Now));
        var unknown = Assert.Throws<DomainException>(() => response.SaveSection(Content, 0, new Dictionary<Guid, SubmittedAnswer> { [Guid.NewGuid()] = A("x") }, "fr", Now));

        Assert.Equal("Response.UnknownQuestion", otherSection.Code);
        Assert.Equal("Response.UnknownQuestion", unknown.Code);
        Assert.Empty(response.Answers);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_section_that_does_not_exist_is_refused(int index)
    {
        var response = NewResponse();

        Assert.Equal("Response.UnknownSection", Assert.Throws<DomainException>(() => response.SaveSection(Content, index, Page(), "fr", Now)).Code);
        Assert.Equal("Response.UnknownSection", Assert.Throws<DomainException>(() => response.MissingIn(Content, index)).Code);
        Assert.Equal("Response.UnknownSection", Assert.Throws<DomainException>(() => response.MoveTo(Content, index, Now)).Code);
        Assert.Equal(0, response.CurrentSection);
    }

    [Fact]
    public void Moving_to_a_section_remembers_where_the_respondent_is()
    {
        var response = NewResponse();

        response.MoveTo(Content, 2, Now.AddMinutes(3));

        Assert.Equal(2, response.CurrentSection);
        Assert.Equal(Now.AddMinutes(3), response.UpdatedAt);
    }

    [Fact]
    public void Choices_gather_the_categories_answered_so_far()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        response.SaveSection(Content, 1, Page((_sample.Surface, A("120")), (_sample.Satisfaction, A("4"))), "fr", Now);
        response.SaveSection(Content, 2, Page((_sample.Needs, A("Place", "Data"))), "fr", Now);

        var choices = response.Choices();

        Assert.Equal([_sample.Asbl.Key], choices[_sample.Kind.Id]);
        Assert.Equal([QuestionDefinition.Yes], choices[_sample.SharesPlace.Id]);
        Assert.Equal(["4"], choices[_sample.Satisfaction.Id]);
        Assert.Equal(["Place", "Data"], choices[_sample.Needs.Id]);
        Assert.False(choices.ContainsKey(_sample.Surface.Id));
        Assert.False(choices.ContainsKey(_sample.PlaceDetails.Id));
    }

    [Fact]
    public void Missing_answers_are_the_required_questions_shown_and_unanswered()
    {
        var response = NewResponse();

        var missing = response.MissingIn(Content, 0);

        // The place details are required but shown only to organisations that share a place.
        Assert.Equal(new Dictionary<Guid, string> { [_sample.Kind.Id] = "Required", [_sample.SharesPlace.Id] = "Required" }, missing);
        Assert.Equal([_sample.Needs.Id], response.MissingIn(Content, 2).Keys);
    }

    [Fact]
    public void A_conditional_question_is_required_only_when_its_condition_is_met()
    {
        var response = NewResponse();

        AnswerOrganisation(response, QuestionDefinition.No);
        Assert.Empty(response.MissingIn(Content, 0));

        AnswerOrganisation(response, QuestionDefinition.Yes);
        Assert.Equal([_sample.PlaceDetails.Id], response.MissingIn(Content, 0).Keys);

        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        Assert.Empty(response.MissingIn(Content, 0));
    }

    [Fact]
    public void A_hidden_section_has_nothing_missing()
    {
        var response = NewResponse();
        Assert.Empty(response.MissingIn(Content, 1));

        AnswerOrganisation(response, QuestionDefinition.No);
        Assert.Empty(response.MissingIn(Content, 1));

        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        Assert.Equal([_sample.Surface.Id], response.MissingIn(Content, 1).Keys);
    }

    [Fact]
    public void A_question_whose_condition_source_is_hidden_is_hidden_too()
    {
        var shares = new QuestionDefinition { Type = QuestionType.YesNo, Text = T("Partagez-vous un lieu ?"), Required = true };
        var x = Option("Bâtiment");
        var kind = new QuestionDefinition
        {
            Type = QuestionType.SingleChoice,
            Text = T("Quel lieu ?"),
            Options = [x, Option("Terrain")],
            Condition = new DisplayCondition { QuestionId = shares.Id, Values = [QuestionDefinition.Yes] },
        };
        var rooms = new QuestionDefinition
        {
            Type = QuestionType.Number,
            Text = T("Combien de salles ?"),
            Required = true,
            Condition = new DisplayCondition { QuestionId = kind.Id, Values = [x.Key] },
        };
        var content = Single(shares, kind, rooms);
        var response = NewResponse();

        // The form still sent the building choice the respondent made before answering "no".
        response.SaveSection(content, 0, Page((shares, A(QuestionDefinition.No)), (kind, A(x.Key))), "fr", Now);

        Assert.Empty(response.MissingIn(content, 0));
        Assert.Null(response.Submit(content, Now));
        Assert.Equal([shares.Id], response.Answers.Select(a => a.QuestionId));
    }

    [Fact]
    public void The_next_section_skips_a_section_whose_condition_is_not_met()
    {
        var response = NewResponse();
        Assert.Equal(2, response.NextShownSection(Content, 0));

        AnswerOrganisation(response, QuestionDefinition.No);
        Assert.Equal(2, response.NextShownSection(Content, 0));
        Assert.Equal(0, response.NextShownSection(Content, 2, step: -1));

        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        Assert.Equal(1, response.NextShownSection(Content, 0));
        Assert.Equal(1, response.NextShownSection(Content, 2, step: -1));
    }

    [Fact]
    public void There_is_no_section_after_the_last_nor_before_the_first()
    {
        var response = NewResponse();

        Assert.Null(response.NextShownSection(Content, 2));
        Assert.Null(response.NextShownSection(Content, 0, step: -1));
    }

    [Fact]
    public void Submitting_returns_the_first_section_with_missing_answers()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.Yes);

        var first = response.Submit(Content, Now);

        Assert.NotNull(first);
        Assert.Equal(0, first.Value.Section);
        Assert.Equal([_sample.PlaceDetails.Id], first.Value.Missing.Keys);
        Assert.False(response.IsSubmitted);

        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        var second = response.Submit(Content, Now);

        Assert.NotNull(second);
        Assert.Equal(1, second.Value.Section);
        Assert.Equal([_sample.Surface.Id], second.Value.Missing.Keys);

        response.SaveSection(Content, 1, Page((_sample.Surface, A("120"))), "fr", Now);
        var third = response.Submit(Content, Now);

        Assert.NotNull(third);
        Assert.Equal(2, third.Value.Section);
        Assert.Null(response.SubmittedAt);
    }

    [Fact]
    public void A_complete_response_is_submitted()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.No);
        response.SaveSection(Content, 2, Page((_sample.Needs, A("Data")), (_sample.Comment, A("Merci"))), "fr", Now);

        var missing = response.Submit(Content, Now.AddMinutes(20));

        Assert.Null(missing);
        Assert.True(response.IsSubmitted);
        Assert.Equal(Now.AddMinutes(20), response.SubmittedAt);
        Assert.Equal(Now.AddMinutes(20), response.UpdatedAt);
        Assert.Equal(4, response.Answers.Count);
    }

    [Fact]
    public void Submitting_drops_the_answers_to_questions_that_ended_up_hidden()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.Yes, "La Bota");
        response.SaveSection(Content, 1, Page((_sample.Surface, A("120")), (_sample.Satisfaction, A("4"))), "fr", Now);
        response.SaveSection(Content, 2, Page((_sample.Needs, A("Data"))), "fr", Now);
        // The respondent goes back and no longer shares a place; the form still sends the place it had typed.
        AnswerOrganisation(response, QuestionDefinition.No, "La Bota");
        Assert.Contains(response.Answers, a => a.QuestionId == _sample.PlaceDetails.Id);

        Assert.Null(response.Submit(Content, Now.AddMinutes(30)));

        Assert.Equal(
            [_sample.Kind.Id, _sample.SharesPlace.Id, _sample.Needs.Id],
            response.Answers.Select(a => a.QuestionId).Distinct().OrderBy(Content.NumberOf));
        Assert.DoesNotContain(response.Answers, a => a.QuestionId == _sample.Surface.Id || a.QuestionId == _sample.Satisfaction.Id || a.QuestionId == _sample.PlaceDetails.Id);
    }

    [Fact]
    public void A_submitted_response_is_frozen()
    {
        var response = NewResponse();
        AnswerOrganisation(response, QuestionDefinition.No);
        response.SaveSection(Content, 2, Page((_sample.Needs, A("Data"))), "fr", Now);
        Assert.Null(response.Submit(Content, Now));
        var answers = response.Answers.ToList();

        var save = Assert.Throws<DomainException>(() => response.SaveSection(Content, 2, Page((_sample.Needs, A("Place"))), "fr", Now.AddHours(1)));
        var submit = Assert.Throws<DomainException>(() => response.Submit(Content, Now.AddHours(1)));
        var move = Assert.Throws<DomainException>(() => response.MoveTo(Content, 0, Now.AddHours(1)));

        Assert.Equal("Response.AlreadySubmitted", save.Code);
        Assert.Equal("Response.AlreadySubmitted", submit.Code);
        Assert.Equal("Response.AlreadySubmitted", move.Code);
        Assert.Equal(answers, response.Answers);
        Assert.Equal(Now, response.SubmittedAt);
    }

    /// <summary>
    /// Section 0 asks "yes/no", section 1 (only after "yes") asks a choice, section 2 (only after choice X)
    /// asks a required question. A respondent who said yes and X, then went back and said no, never reaches
    /// section 1 again, so its X stays stored; section 2 must still count as hidden since it hangs on section 1.
    /// </summary>
    private static (QuestionnaireContent Content, QuestionDefinition Shares, QuestionDefinition Kind, OptionDefinition Building, QuestionDefinition Rooms) Cascade()
    {
        var shares = new QuestionDefinition { Type = QuestionType.YesNo, Text = T("Partagez-vous un lieu ?"), Required = true };
        var building = Option("Bâtiment");
        var kind = new QuestionDefinition { Type = QuestionType.SingleChoice, Text = T("Quel lieu ?"), Required = true, Options = [building, Option("Terrain")] };
        var rooms = new QuestionDefinition { Type = QuestionType.Number, Text = T("Combien de salles ?"), Required = true };
        var content = new QuestionnaireContent
        {
            Title = T("Cascade"),
            Sections =
            [
                new SectionDefinition { Title = T("S1"), Questions = [shares] },
                new SectionDefinition { Title = T("S2"), Questions = [kind], Condition = new DisplayCondition { QuestionId = shares.Id, Values = [QuestionDefinition.Yes] } },
                new SectionDefinition { Title = T("S3"), Questions = [rooms], Condition = new DisplayCondition { QuestionId = kind.Id, Values = [building.Key] } },
            ],
        };
        content.Validate(forPublishing: true);
        return (content, shares, kind, building, rooms);
    }

    [Fact]
    public void A_section_hanging_on_a_hidden_section_is_skipped_and_not_required()
    {
        var (content, shares, kind, building, _) = Cascade();
        var response = NewResponse();
        response.SaveSection(content, 0, Page((shares, A(QuestionDefinition.Yes))), "fr", Now);
        response.SaveSection(content, 1, Page((kind, A(building.Key))), "fr", Now);
        response.SaveSection(content, 0, Page((shares, A(QuestionDefinition.No))), "fr", Now);

        Assert.Null(response.NextShownSection(content, 0));
        Assert.Empty(response.MissingIn(content, 2));
        Assert.Null(response.Submit(content, Now));
        Assert.Equal([shares.Id], response.Answers.Select(a => a.QuestionId));
    }

    [Fact]
    public void Submitting_drops_the_answers_of_a_section_hanging_on_a_hidden_section()
    {
        var (content, shares, kind, building, rooms) = Cascade();
        var response = NewResponse();
        response.SaveSection(content, 0, Page((shares, A(QuestionDefinition.Yes))), "fr", Now);
        response.SaveSection(content, 1, Page((kind, A(building.Key))), "fr", Now);
        response.SaveSection(content, 2, Page((rooms, A("4"))), "fr", Now);
        response.SaveSection(content, 0, Page((shares, A(QuestionDefinition.No))), "fr", Now);

        Assert.Null(response.Submit(content, Now));

        Assert.DoesNotContain(response.Answers, a => a.QuestionId == kind.Id);
        Assert.DoesNotContain(response.Answers, a => a.QuestionId == rooms.Id);
    }
}
