using System.Text;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.ToolConfiguration.Governance;

public static class GovernanceEndpoints
{
    /// <summary>The decision log as CSV, in the person's language, 404 when the lab is not theirs.</summary>
    public static IEndpointRouteBuilder MapGovernanceExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/decisions/log.csv", (Guid labId, HttpContext context, GovernanceService governance) =>
        {
            context.ShareUserWithServices();
            return Downloads.StreamAsync(context, "text/csv; charset=utf-8", $"decisions-{labId:N}.csv", async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
                return await governance.WriteLogCsvAsync(labId, writer, context.RequestAborted);
            });
        }).RequireAuthorization();
        return endpoints;
    }
}
