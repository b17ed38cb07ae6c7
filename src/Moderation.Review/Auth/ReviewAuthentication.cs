using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moderation.Review.Configuration;

namespace Moderation.Review.Auth;

/// <summary>
/// Authentication of the review side: a policy scheme forwarding to the API-token scheme when the request has an
/// <c>Authorization: Bearer</c> header and to the login cookie otherwise; the <see cref="Policy"/> authorization policy
/// (an authenticated <c>reviewer</c> or <c>admin</c>); antiforgery tokens in header <see cref="CsrfHeader"/>.
/// </summary>
internal static class ReviewAuthentication
{
    public const string Scheme = "review";
    public const string CookieScheme = "review-cookie";
    public const string TokenScheme = "review-token";
    public const string Policy = "review";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>Paths under the prefix that answer 401 instead of redirecting to the login page.</summary>
    private static readonly string[] ApiPaths = ["/api", "/events"];

    public static void Add(IServiceCollection services, IConfiguration configuration, string prefix)
    {
        services.AddOptions<ReviewAuthOptions>().Bind(configuration.GetSection(ReviewAuthOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReviewAuthOptions>, ReviewAuthOptionsValidator>());
        services.TryAddSingleton<ReviewCredentials>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Review: API token or login cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith(ApiTokenHandler.Prefix, StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme
                    : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "moderation-review";
                o.Cookie.Path = prefix;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = prefix + "/login";
                o.LogoutPath = prefix + "/logout";
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized, prefix);
                o.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden, prefix);
                o.Events.OnValidatePrincipal = context =>
                {
                    if (context.Principal is null || !context.HttpContext.RequestServices.GetRequiredService<ReviewCredentials>().IsCurrentUser(context.Principal))
                    {
                        context.RejectPrincipal();
                    }

                    return Task.CompletedTask;
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<ReviewAuthOptions>>((o, auth) =>
            o.ExpireTimeSpan = TimeSpan.FromHours(auth.Value.CookieHours));
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(ReviewRoles.Reviewer, ReviewRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "moderation-review-csrf";
            o.Cookie.Path = prefix;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>Whether the request needs an antiforgery token: a cookie carries the identity (a bearer token cannot be
    /// sent by another site's page).</summary>
    public static bool NeedsAntiforgery(HttpContext context) =>
        !context.Request.Headers.Authorization.ToString().StartsWith(ApiTokenHandler.Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Validates the antiforgery token of a cookie-authenticated request.</summary>
    /// <returns>False when it is missing or wrong.</returns>
    public static async Task<bool> ValidateAntiforgeryAsync(HttpContext context)
    {
        if (!NeedsAntiforgery(context))
        {
            return true;
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status, string prefix)
    {
        var rest = context.Request.Path.StartsWithSegments(prefix, out var remaining) ? remaining : context.Request.Path;
        if (status == StatusCodes.Status401Unauthorized && !ApiPaths.Any(p => rest.StartsWithSegments(p)))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
