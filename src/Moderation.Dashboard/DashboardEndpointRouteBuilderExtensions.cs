using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Endpoints;

namespace Moderation.Dashboard;

/// <summary>Maps the reviewers' live dashboard endpoints.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>Default route prefix.</summary>
    public const string DefaultPrefix = "/dashboard";

    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>GET {prefix}</c>: the self-contained HTML page (<c>text/html</c>, inline CSS/JS, strict Content Security Policy);</item>
    /// <item><c>GET {prefix}/events</c>: Server-Sent Events (<c>text/event-stream</c>), one <c>data:</c> verdict JSON per
    /// flagged post with <c>id:</c> its feed id, heartbeat comments while idle, replay after <c>Last-Event-ID</c>
    /// (or the <c>after</c> query parameter) from the ring;</item>
    /// <item><c>GET {prefix}/api/flags?limit=N</c>: JSON snapshot: counts and the newest N posts (default 100), newest first.</item>
    /// </list>
    /// Maps nothing when <see cref="DashboardOptions.Enabled"/> is false. The endpoints have no authorization of their
    /// own: chain <c>RequireAuthorization</c> on the returned group where the host has authentication.
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder (after <c>AddModerationDashboard</c>).</param>
    /// <param name="prefix">Route prefix. Default <see cref="DefaultPrefix"/>.</param>
    /// <returns>The route group, for conventions such as authorization.</returns>
    /// <exception cref="InvalidOperationException"><c>AddModerationDashboard</c> was not called.</exception>
    /// <exception cref="OptionsValidationException">The <c>Dashboard</c> section is invalid.</exception>
    public static RouteGroupBuilder MapModerationDashboard(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value.Enabled)
        {
            return group;
        }

        var page = endpoints.ServiceProvider.GetRequiredService<DashboardPage>();
        group.MapGet("", page.WriteAsync).ExcludeFromDescription();
        group.MapGet("/events", FlagEventStream.HandleAsync).ExcludeFromDescription();
        group.MapGet("/api/flags", FlagsApi.Get);
        return group;
    }
}
