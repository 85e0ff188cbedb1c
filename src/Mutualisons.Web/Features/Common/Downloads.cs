namespace Mutualisons.Web.Features.Common;

/// <summary>
/// Streams an export so that a failure can never pass for a file. Nothing is sent until the access check and
/// the first query have run and the first rows are written (held back up to <see cref="HeldBackBytes"/>): a
/// refusal becomes the friendly not-found page, an error the readable error page. Once bytes have left, a later
/// error cuts the connection, and the browser reports a failed download instead of keeping a truncated file.
/// </summary>
public static class Downloads
{
    public const int HeldBackBytes = 64 * 1024;

    /// <param name="write">Writes the file; false when the person may not have it (nothing of it is sent).</param>
    public static async Task StreamAsync(HttpContext context, string contentType, string fileName, Func<Stream, Task<bool>> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        var response = context.Response;
        await using var body = new HeldBackStream(response.Body, () =>
        {
            response.ContentType = contentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            response.Headers.CacheControl = "no-store";
        });
        try
        {
            if (!await write(body))
            {
                // Nothing was sent: an empty 404, which the status-code pages turn into the not-found page.
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await body.CommitAsync(context.RequestAborted);
        }
        catch (Exception exception) when (response.HasStarted && exception is not OperationCanceledException)
        {
            // Part of the file has left with a 200: only a cut connection tells the browser it is incomplete.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Downloads))
                .LogError(exception, "Export {Path} failed after it had started; the connection was cut", context.Request.Path);
            context.Abort();
        }
    }

    /// <summary>Keeps the first bytes in memory; the response starts when they overflow or the file is complete.</summary>
    private sealed class HeldBackStream(Stream response, Action beforeStart) : Stream
    {
        private MemoryStream? _held = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await StartAsync(cancellationToken);
            await response.FlushAsync(cancellationToken);
        }

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            if (_held is not { } held)
            {
                return;
            }
            _held = null;
            beforeStart();
            await response.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
            await held.DisposeAsync();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_held is { } held && held.Length + buffer.Length <= HeldBackBytes)
            {
                held.Write(buffer.Span);
                return;
            }
            await StartAsync(cancellationToken);
            await response.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_held is { } held && held.Length + count <= HeldBackBytes)
            {
                held.Write(buffer, offset, count);
                return;
            }
            StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            response.Write(buffer, offset, count);
        }

        // Flushing before the file is complete would start the response: held bytes stay held.
        public override void Flush()
        {
            if (_held is null)
            {
                response.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _held is null ? response.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (_held is { } held)
            {
                await held.DisposeAsync();
            }
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held?.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
