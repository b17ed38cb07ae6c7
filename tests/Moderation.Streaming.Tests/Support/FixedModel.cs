using Moderation.Core.Scoring;

namespace Moderation.Streaming.Tests.Support;

/// <summary>A model slot that never swaps, over a test scorer it does not dispose.</summary>
internal static class FixedModel
{
    public static ScoringModelSlot Of(IBatchScorer scorer, string version = WorkerHost.ModelVersion) =>
        new(new ScoringModel(scorer, version, [], ownsScorer: false));
}
