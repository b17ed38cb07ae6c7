using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Review.Auth;
using Moderation.Review.Configuration;
using Moderation.Review.Endpoints;

namespace Moderation.Review;

/// <summary>Maps the review side's endpoints.</summary>
public static class ReviewEndpointRouteBuilderExtensions
{
    /// <summary>Default route prefix.</summary>
    public const string DefaultPrefix = "/review";

    /// <summary>
    /// Maps, under <paramref name="prefix"/>, every endpoint but the login form behind the <c>review</c> policy (an
    /// authenticated <c>reviewer</c> or <c>admin</c>: the login cookie, or <c>Authorization: Bearer {API token}</c>);
    /// without it the page redirects to the login form and everything else answers 401:
    /// <list type="bullet">
    /// <item><c>GET {prefix}</c>: the self-contained review page (inline CSS/JS, strict Content Security Policy);</item>
    /// <item><c>GET|POST {prefix}/login</c>: the login form (antiforgery token; a 302 redirect to the page, or back to the form);
    /// <c>POST {prefix}/logout</c>;</item>
    /// <item><c>GET {prefix}/api/session</c>: user, role and the antiforgery token for <c>X-CSRF-TOKEN</c>;</item>
    /// <item><c>GET {prefix}/api/posts?reason=&amp;status=undecided|decided|all&amp;model=&amp;limit=</c>: the queue (JSON);</item>
    /// <item><c>GET {prefix}/api/image?post=ID</c>: the stored image bytes (stored content type, <c>nosniff</c>);</item>
    /// <item><c>POST {prefix}/api/decisions</c>: <c>{postId, decision: confirm|dismiss, note}</c> (antiforgery header
    /// unless a bearer token);</item>
    /// <item><c>GET {prefix}/events</c>: Server-Sent Events, one per post stored or decided.</item>
    /// </list>
    /// Maps nothing when <see cref="ReviewOptions.Enabled"/> is false. The host must run the authentication and
    /// authorization middleware (<c>UseAuthentication</c>, <c>UseAuthorization</c>).
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder (after <c>AddModerationReview</c> with the same prefix).</param>
    /// <param name="prefix">Route prefix. Default <see cref="DefaultPrefix"/>.</param>
    /// <returns>The route group.</returns>
    /// <exception cref="InvalidOperationException"><c>AddModerationReview</c> was not called.</exception>
    /// <exception cref="OptionsValidationException">The <c>Review</c> section is invalid.</exception>
    public static RouteGroupBuilder MapModerationReview(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<ReviewOptions>>().Value.Enabled)
        {
            return group;
        }

        var pages = endpoints.ServiceProvider.GetRequiredService<ReviewPages>();
        group.MapGet("/login", LoginEndpoints.PageAsync).ExcludeFromDescription();
        group.MapPost("/login", (HttpContext context, ReviewCredentials credentials) => LoginEndpoints.PostAsync(context, credentials, prefix))
            .DisableAntiforgery(); // validated by the handler itself
        var secured = group.MapGroup("").RequireAuthorization(ReviewAuthentication.Policy);
        secured.MapGet("", (HttpContext context) => pages.Queue.WriteAsync(context)).ExcludeFromDescription();
        secured.MapPost("/logout", (Delegate)LoginEndpoints.LogoutAsync).DisableAntiforgery();
        secured.MapGet("/api/session", ReviewApi.Session);
        secured.MapGet("/api/posts", ReviewApi.PostsAsync);
        secured.MapGet("/api/image", ReviewApi.ImageAsync);
        secured.MapPost("/api/decisions", ReviewApi.DecideAsync).DisableAntiforgery();
        secured.MapGet("/events", ReviewEventStream.HandleAsync).ExcludeFromDescription();
        return group;
    }
}
