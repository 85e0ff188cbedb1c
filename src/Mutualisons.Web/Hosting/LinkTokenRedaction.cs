using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Mutualisons.Web.Hosting;

/// <summary>
/// Personal links carry their secret in the path (/r/…, /p/…, /invitations/…). The database keeps only hashes,
/// so the logs must not keep the tokens either: every path property is written with the token hidden.
/// </summary>
public sealed partial class LinkTokenRedaction : ILogEventEnricher
{
    private static readonly string[] PathProperties = ["RequestPath", "Path", "RequestUri", "Url"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(propertyFactory);
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path } && Redact(path) is var redacted && redacted != path)
            {
                logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty(name, redacted));
            }
        }
    }

    public static string Redact(string path) => Token().Replace(path, "/$1/…");

    [GeneratedRegex(@"/(r|p|invitations)/[A-Za-z0-9_\-%]+")]
    private static partial Regex Token();
}
