using Moderation.Core.Review;

namespace Moderation.Review.Store;

/// <summary>The wire and column names of <see cref="ReviewDecision"/>: <c>confirm</c>, <c>dismiss</c>.</summary>
internal static class DecisionNames
{
    public const string Confirm = "confirm";
    public const string Dismiss = "dismiss";

    public static string Of(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Confirm => Confirm,
        ReviewDecision.Dismiss => Dismiss,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision."),
    };

    /// <returns>False for anything but the two names (case-sensitive).</returns>
    public static bool TryParse(string? name, out ReviewDecision decision)
    {
        decision = name == Dismiss ? ReviewDecision.Dismiss : ReviewDecision.Confirm;
        return name is Confirm or Dismiss;
    }
}
