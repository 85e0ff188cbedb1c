using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mutualisons.Web.Hosting;

/// <summary>Kestrel's limits and headers, and whom to believe about the client's address.</summary>
public static class WebServer
{
    public const string ForwardedSection = "ForwardedHeaders";

    /// <summary>
    /// Answering links carry their token in the path: a mangled or padded link must reach the page that says
    /// "this link leads nowhere" rather than Kestrel's empty 414 (its default request line is 8 KB).
    /// </summary>
    public const int MaxRequestLineBytes = 32 * 1024;

    public static WebApplicationBuilder ConfigureWebServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(options =>
        {
            // The server's name and version help only those who look for a known flaw.
            options.AddServerHeader = false;
            options.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        });
        var section = builder.Configuration.GetSection(ForwardedSection);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind a reverse proxy every request comes from the proxy: the rate limits and sign-in lockout
            // must see the client it names. Only proxies listed in settings are believed, or anyone could pick
            // the address they are counted under. Loopback stays trusted (a proxy on the same machine).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in Values(section.GetSection("KnownProxies")))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in Values(section.GetSection("KnownNetworks")))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>A list from settings: "a, b" in one variable (ForwardedHeaders__KnownProxies) or one entry each (…__0).</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        new[] { section.Value }.Concat(section.GetChildren().Select(c => c.Value))
            .SelectMany(v => (v ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
