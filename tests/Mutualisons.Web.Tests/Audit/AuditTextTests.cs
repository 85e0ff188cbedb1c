using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Audit;

public sealed class AuditTextTests
{
    private static IStringLocalizer Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddProductLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [Theory]
    [InlineData("fr", "Définir l'impact social → Choisir et adapter les méthodes : {Pas une clé} trop de monde")]
    [InlineData("nl", "Sociale impact bepalen → Methoden kiezen en aanpassen : {Pas une clé} trop de monde")]
    [InlineData("en", "Define social impact → Choose and adapt methods : {Pas une clé} trop de monde")]
    public void Stored_details_are_shown_in_the_readers_language_and_peoples_words_stay_as_typed(string culture, string expected)
    {
        var stored = $"{AuditText.Of(Cycle.Impact)} → {AuditText.Of(Cycle.CoreMethods)} : {{Pas une clé}} trop de monde";
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        Assert.Equal(expected, AuditText.Translate(stored, Localizer()));
    }

    [Fact]
    public void A_missing_level_reads_as_none_and_unknown_keys_are_left_alone()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fr");
        var stored = $"{AuditText.Of((ParticipationLevel?)null)} {AuditText.Key("Nothing.Here")}";

        Assert.Equal("aucun {Nothing.Here}", AuditText.Translate(stored, Localizer()));
    }
}
