using Mutualisons.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace Mutualisons.Web.Tests.Hosting;

public sealed class LinkTokenRedactionTests
{
    private sealed class Properties : Serilog.Core.ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) => new(name, new ScalarValue(value));
    }

    [Theory]
    [InlineData("/r/BnN5pgUhOo0_8KmNhgDrYAPsNw9awcKZAoL6Mdff1p4", "/r/…")]
    [InlineData("/p/abc-DEF_123", "/p/…")]
    [InlineData("/invitations/xyz", "/invitations/…")]
    [InlineData("/labs/9c6a/questionnaires", "/labs/9c6a/questionnaires")]
    [InlineData("/reports/2019", "/reports/2019")]
    public void Link_tokens_never_reach_the_logs(string path, string logged) => Assert.Equal(logged, LinkTokenRedaction.Redact(path));

    [Fact]
    public void The_request_path_of_a_log_event_is_written_without_its_token()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("HTTP {RequestMethod} {RequestPath} responded {StatusCode}"),
            [new LogEventProperty("RequestMethod", new ScalarValue("POST")), new LogEventProperty("RequestPath", new ScalarValue("/r/secret-token_value")), new LogEventProperty("StatusCode", new ScalarValue(302))]);

        new LinkTokenRedaction().Enrich(logEvent, new Properties());

        Assert.Equal("HTTP \"POST\" \"/r/…\" responded 302", logEvent.RenderMessage());
        Assert.DoesNotContain("secret", logEvent.RenderMessage(), StringComparison.Ordinal);
    }
}
