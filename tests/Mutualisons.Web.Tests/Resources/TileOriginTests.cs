using Mutualisons.Web.Features.Resources.MapData;

namespace Mutualisons.Web.Tests.Resources;

/// <summary>The tile server's origin that the pages' img-src allows, taken from the MapData:TileUrl setting.</summary>
public sealed class TileOriginTests
{
    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("http://localhost:8081/tiles/{z}/{x}/{y}.png", "http://localhost:8081")]
    public void The_origin_is_the_templates_scheme_and_host_with_a_subdomain_as_wildcard(string template, string origin) =>
        Assert.Equal(origin, MapDataOptions.TileOrigin(template));

    [Theory]
    [InlineData("")]
    [InlineData("/tiles/{z}/{x}/{y}.png")]
    [InlineData("javascript://x")]
    [InlineData("https://evil.example; script-src *")]
    public void A_template_without_a_plain_http_host_adds_nothing_to_the_policy(string template) =>
        Assert.Null(MapDataOptions.TileOrigin(template));
}
