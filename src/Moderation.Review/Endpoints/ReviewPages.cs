namespace Moderation.Review.Endpoints;

/// <summary>The review side's two pages, assembled once.</summary>
internal sealed class ReviewPages
{
    /// <summary>The review queue (<c>review.html</c> + <c>review.css</c> + <c>review.js</c>).</summary>
    public EmbeddedPage Queue { get; } = new("review.html", "review.css", "review.js");

    /// <summary>The login form (<c>login.html</c> + <c>review.css</c>; no script). Placeholders: <c>{{csrf}}</c>,
    /// <c>{{message}}</c>.</summary>
    public EmbeddedPage Login { get; } = new("login.html", "review.css");
}
