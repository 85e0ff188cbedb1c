using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post: antiforgery is checked because the endpoint reads the form.
        endpoints.MapPost("/account/sign-out", async (SignInManager<UserAccount> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(ReturnUrls.SafeLocal(returnUrl is null ? "/account/sign-in" : returnUrl));
        }).AllowAnonymous();

        endpoints.MapGet("/account/personal-data", async (HttpContext context, AccountService accounts, TimeProvider time) =>
        {
            var actor = Actor.From(context.User);
            var json = await accounts.ExportAsync(actor.UserId!.Value, context.RequestAborted);
            return TypedResults.File(json, "application/json", $"mutualisons-{time.GetUtcNow():yyyy-MM-dd}.json");
        }).RequireAuthorization();

        return endpoints;
    }
}
