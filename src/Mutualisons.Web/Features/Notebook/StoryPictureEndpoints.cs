using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Notebook;

public static class StoryPictureEndpoints
{
    public static IEndpointRouteBuilder MapStoryPictures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/stories/{storyId:guid}/images/{imageId:guid}", async (Guid labId, Guid storyId, Guid imageId, HttpContext context, StoryService stories) =>
        {
            context.ShareUserWithServices();
            if (await stories.ReadImageAsync(labId, storyId, imageId, context.RequestAborted) is not { } picture)
            {
                // Someone else's lab, or no such picture: the same not-found page either way.
                return Results.NotFound();
            }
            // A picture never changes once stored (a new one gets a new id): the browser may keep it, privately.
            context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            return Results.File(picture.Bytes, picture.ContentType);
        }).RequireAuthorization();
        return endpoints;
    }
}
