using System.Net;
using System.Net.Sockets;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>
/// The app on a real port (Kestrel, in process), for what only a real server does: its own headers, its
/// request-line limits, and requests the in-memory client cannot even send.
/// </summary>
public sealed class KestrelAppFixture : IAsyncLifetime, IAsyncDisposable
{
    private string _connectionString = string.Empty;
    private AppFactory? _app;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        var port = FreePort();
        _app = new AppFactory(_connectionString);
        _app.UseKestrel(port);
        _app.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await TestDatabaseServer.DropDatabaseAsync(_connectionString);
    }

    /// <summary>Sends a raw request line as written, unescaped by any client library, and returns the raw answer.</summary>
    public async Task<(int Status, string Headers, string Body)> RawGetAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{BaseAddress.Port}\r\nAccept: text/html\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? answer : answer[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? string.Empty : answer[(split + 4)..]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
