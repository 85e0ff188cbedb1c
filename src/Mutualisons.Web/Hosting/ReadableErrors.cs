using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Mutualisons.Web.Hosting;

/// <summary>
/// What a tampered address or form meets: a readable page in the person's language with the right status
/// (400, 404…), never a framework's sentence written for developers nor a 500 for a request that was simply wrong.
/// </summary>
public static class ReadableErrors
{
    /// <summary>The status of an exception that means "the request was wrong", not "the server failed".</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        // Query values that do not bind (kind=Bogus, version=notaguid), bodies too large, malformed forms.
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// Blazor answers a form post it cannot dispatch ("Cannot submit the form…", a missing form name, a
    /// refused antiforgery token) with a 400 and an English sentence for developers. No page of ours answers a
    /// post with a 400 (a form with mistakes is shown again, or a 422): whatever a 400 carries is held back here
    /// so that the status-code page shows the readable one instead.
    /// </summary>
    public static IApplicationBuilder UseReadableFormErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The readable page itself, re-executed for the same post with the same 400, passes untouched.
            var readablePage = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
            if (!HttpMethods.IsPost(context.Request.Method) || readablePage || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            {
                await next(context);
                return;
            }
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // A form kept open past its token's life, or posted from elsewhere: an empty 400, made readable below.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                ReExecuteAsRead(context);
                return;
            }
            var original = context.Response.Body;
            var guard = new FrameworkTextGuard(context.Response, original);
            context.Response.Body = guard;
            var guarded = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            try
            {
                await next(context);
                // Pushes what the page wrote through the guard (to the client, or nowhere when held back).
                await guarded.CompleteAsync();
            }
            finally
            {
                context.Response.Body = original;
            }
            if (guard.HeldBack)
            {
                // An empty 400: the status-code pages render the readable page.
                context.Response.ContentType = null;
                context.Response.ContentLength = null;
                ReExecuteAsRead(context);
            }
        });

    /// <summary>
    /// The status-code pages re-execute the request as it came, a post included, and a post to the readable page
    /// would be checked as a form again: it is read instead.
    /// </summary>
    private static void ReExecuteAsRead(HttpContext context) => context.Request.Method = HttpMethods.Get;

    private sealed class FrameworkTextGuard(HttpResponse response, Stream inner) : Stream
    {
        private bool? _holdBack;

        public bool HeldBack => _holdBack == true;

        // Decided once, when the first byte or flush comes: the status is final by then.
        private bool HoldBack => _holdBack ??= response.StatusCode == StatusCodes.Status400BadRequest;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            if (!HoldBack)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            HoldBack ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!HoldBack)
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            HoldBack ? Task.CompletedTask : inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            HoldBack ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
