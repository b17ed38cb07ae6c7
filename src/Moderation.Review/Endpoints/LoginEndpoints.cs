using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Moderation.Review.Auth;

namespace Moderation.Review.Endpoints;

/// <summary><c>GET/POST {prefix}/login</c> (the form, antiforgery-protected) and <c>POST {prefix}/logout</c>.</summary>
internal static class LoginEndpoints
{
    public static Task PageAsync(HttpContext context, ReviewPages pages, IAntiforgery antiforgery, string? failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return pages.Login.WriteAsync(context, new Dictionary<string, string>
        {
            ["csrf"] = tokens.RequestToken ?? "",
            ["message"] = failed is null ? "" : "Wrong name or password.",
        });
    }

    /// <summary>Checks the form's antiforgery token and the password; on success sets the login cookie and redirects to
    /// the queue (never to a caller-supplied address), else back to the form (302).</summary>
    public static async Task<IResult> PostAsync(HttpContext context, ReviewCredentials credentials, string prefix)
    {
        if (!context.Request.HasFormContentType || !await ReviewAuthentication.ValidateAntiforgeryAsync(context).ConfigureAwait(false))
        {
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var principal = credentials.CheckPassword(form["name"].ToString(), form["password"].ToString(), ReviewAuthentication.CookieScheme);
        if (principal is null)
        {
            return TypedResults.Redirect(prefix + "/login?failed=1");
        }

        await context.SignInAsync(ReviewAuthentication.CookieScheme, principal).ConfigureAwait(false);
        return TypedResults.Redirect(prefix);
    }

    public static async Task<IResult> LogoutAsync(HttpContext context)
    {
        if (!await ReviewAuthentication.ValidateAntiforgeryAsync(context).ConfigureAwait(false))
        {
            return TypedResults.BadRequest();
        }

        await context.SignOutAsync(ReviewAuthentication.CookieScheme).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
