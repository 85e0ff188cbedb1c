using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Web.Features.Diagnostic.Sending;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Sending;

public sealed class SendingComponentTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public SendingComponentTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void A_personal_link_is_drawn_as_a_png_qr_code_with_alternative_text()
    {
        var qr = _context.Render<LinkQrCode>(p => p.Add(x => x.Url, "https://labs.example/r/abc").Add(x => x.For, "BRAL"));

        var image = qr.Find("img.link-qr");
        Assert.Equal("Code QR du lien personnel de BRAL", image.GetAttribute("alt"));
        var source = image.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", source, StringComparison.Ordinal);
        var png = Convert.FromBase64String(source["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Theory]
    [InlineData(RespondentProgress.Invited, "Invitée")]
    [InlineData(RespondentProgress.Opened, "Lien ouvert")]
    [InlineData(RespondentProgress.Started, "Commencé")]
    [InlineData(RespondentProgress.Submitted, "Envoyé")]
    [InlineData(RespondentProgress.Revoked, "Lien retiré")]
    public void Each_progress_has_one_word(RespondentProgress progress, string word)
    {
        var rendered = _context.Render<ProgressChip>(p => p.Add(x => x.Progress, progress));

        Assert.Equal(word, rendered.Find($"[data-progress='{progress}']").TextContent.Trim());
    }
}
