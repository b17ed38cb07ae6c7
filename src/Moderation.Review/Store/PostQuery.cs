namespace Moderation.Review.Store;

/// <summary>Filters of the review queue.</summary>
/// <param name="Reason">Only posts flagged for this reason (e.g. <c>abnormal</c>), or null for any.</param>
/// <param name="Status"><c>undecided</c>, <c>decided</c> or <c>all</c>.</param>
/// <param name="ModelVersion">Only posts flagged by this model version, or null for any.</param>
/// <param name="Limit">Most posts returned, newest first.</param>
internal sealed record PostQuery(string? Reason, string Status, string? ModelVersion, int Limit)
{
    /// <summary>Values of <see cref="Status"/>.</summary>
    public static readonly string[] Statuses = ["undecided", "decided", "all"];
}
