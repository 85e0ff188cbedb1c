using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>
/// The in-memory test server has no network peer. A request carrying <see cref="Header"/> arrives as if from
/// that address, as a real connection would (a client, or the reverse proxy in front of the app).
/// </summary>
public static class PeerAddresses
{
    public const string Header = "X-Test-Peer";

    public static WebApplicationFactory<Program> WithPeerAddresses(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFilter>()));
    }

    /// <summary>A client whose every request comes from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> factory, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class PeerFilter : IStartupFilter
    {
        // Startup filters run before the app's own middleware: the forwarded-headers step sees this peer.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                    context.Request.Headers.Remove(Header);
                }
                return nextStep(context);
            });
            next(app);
        };
    }
}
