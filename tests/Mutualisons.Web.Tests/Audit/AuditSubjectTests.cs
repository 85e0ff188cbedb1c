using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Audit;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Audit;

/// <summary>The audit trail names what changed in the reader's language, never with a raw resource key.</summary>
public sealed class AuditSubjectTests
{
    private static IStringLocalizer Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddProductLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("en")]
    public void Every_audit_subject_has_a_text_in_each_language(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var l = Localizer();

        Assert.All(AuditSubject.All, subject =>
        {
            var text = AuditText.Subject(subject, l);
            Assert.DoesNotContain("Audit.Subject", text, StringComparison.Ordinal);
            Assert.False(l[$"Audit.Subject.{subject}"].ResourceNotFound, subject);
        });
    }

    [Fact]
    public void A_subject_written_before_it_had_a_text_is_shown_as_another_item_not_as_its_key()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fr");

        Assert.Equal("autre élément", AuditText.Subject("SomethingOld", Localizer()));
        Assert.Equal("questionnaire", AuditText.Subject(AuditSubject.Questionnaire, Localizer()));
    }
}
