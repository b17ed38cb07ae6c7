using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Moderation.Evaluation.Results;

/// <summary>All classes' figures for one score kind, e.g. <see cref="ScoreKinds.Anomaly"/>, and their aggregate.</summary>
public sealed partial record ScoreKindResult
{
    /// <summary>Kind name: lower-case letters, digits and '-' (it becomes part of plot file names).</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    /// <summary>What the score is and what counts as positive, e.g. "discriminator-feature Mahalanobis distance;
    /// positives: the other nine classes' test images".</summary>
    [JsonPropertyName("description")] public required string Description { get; init; }
    /// <summary>Per normal class, ascending class index.</summary>
    [JsonPropertyName("classes")] public required IReadOnlyList<ClassResult> Classes { get; init; }
    /// <summary>Means and worst class over <see cref="Classes"/>.</summary>
    [JsonPropertyName("aggregate")] public required ScoreKindAggregate Aggregate { get; init; }

    /// <summary>Orders the classes by index and computes the aggregate.</summary>
    /// <param name="kind">Kind name (<c>[a-z0-9-]+</c>), e.g. <see cref="ScoreKinds.Anomaly"/>.</param>
    /// <param name="description">What the score is and what counts as positive.</param>
    /// <param name="classes">One result per normal class (at least one, distinct class indices).</param>
    /// <exception cref="ArgumentException">Bad kind name, no classes, or a class index twice.</exception>
    public static ScoreKindResult Create(string kind, string description, IEnumerable<ClassResult> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (kind is null || !KindPattern().IsMatch(kind)) throw new ArgumentException($"kind '{kind}' is not [a-z0-9-]+", nameof(kind));
        var ordered = classes.OrderBy(c => c.ClassIndex).ToArray();
        if (ordered.Length == 0) throw new ArgumentException("no class results", nameof(classes));
        if (ordered.Select(c => c.ClassIndex).Distinct().Count() != ordered.Length)
            throw new ArgumentException($"kind '{kind}' has a class index twice", nameof(classes));
        return new ScoreKindResult { Kind = kind, Description = description, Classes = ordered, Aggregate = ScoreKindAggregate.Over(ordered) };
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex KindPattern();
}
