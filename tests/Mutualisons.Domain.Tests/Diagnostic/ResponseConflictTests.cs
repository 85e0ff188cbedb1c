using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

/// <summary>Two tabs or devices saving one response: a save that would replace answers saved elsewhere is caught.</summary>
public sealed class ResponseConflictTests
{
    private readonly Sample _sample = new();

    private Dictionary<Guid, SubmittedAnswer> Organisation(string sharesPlace, string? details = null)
    {
        var page = Page((_sample.Kind, A(_sample.Asbl.Key)), (_sample.SharesPlace, A(sharesPlace)));
        if (details is not null)
        {
            page[_sample.PlaceDetails.Id] = A(details);
        }
        return page;
    }

    private QuestionnaireResponse Saved(Dictionary<Guid, SubmittedAnswer> page)
    {
        var response = NewResponse();
        Assert.Empty(response.SaveSection(_sample.Content, 0, page, "fr", Now));
        return response;
    }

    // A response read back from the database carries the row version the page was shown with; here the
    // response's version (0 before any save) is compared with an older one the page would have carried.
    private const uint Earlier = 41;

    [Fact]
    public void A_page_saved_over_the_version_it_was_shown_with_replaces_nothing_of_anyone_else()
    {
        var response = Saved(Organisation("yes", "Rue Haute"));

        Assert.False(response.WouldOverwrite(_sample.Content, 0, Organisation("no"), response.Version));
    }

    [Fact]
    public void Different_answers_saved_elsewhere_since_the_page_was_shown_would_be_overwritten()
    {
        var response = Saved(Organisation("yes", "Rue Haute"));

        Assert.True(response.WouldOverwrite(_sample.Content, 0, Organisation("yes", "Rue Basse"), Earlier));
        Assert.True(response.WouldOverwrite(_sample.Content, 0, Organisation("no"), Earlier));
    }

    [Fact]
    public void The_same_answers_sent_again_are_no_conflict()
    {
        var response = Saved(Organisation("yes", "  Rue Haute "));

        Assert.False(response.WouldOverwrite(_sample.Content, 0, Organisation("yes", "Rue Haute"), Earlier));
    }

    [Fact]
    public void Answers_saved_elsewhere_on_another_page_are_no_conflict_for_this_one()
    {
        var response = Saved(Organisation("yes", "Rue Haute"));
        Assert.Empty(response.SaveSection(_sample.Content, 1, Page((_sample.Surface, A("120"))), "fr", Now));

        Assert.False(response.WouldOverwrite(_sample.Content, 0, Organisation("yes", "Rue Haute"), Earlier));
        Assert.True(response.WouldOverwrite(_sample.Content, 1, Page((_sample.Surface, A("90"))), Earlier));
        Assert.False(response.WouldOverwrite(_sample.Content, 1, Page((_sample.Surface, A("120,0"))), Earlier));
    }
}
