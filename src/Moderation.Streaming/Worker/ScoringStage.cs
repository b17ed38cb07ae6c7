using Moderation.Core.Scoring;
using Polly;
using Polly.CircuitBreaker;

namespace Moderation.Streaming.Worker;

/// <summary>Calls <see cref="IBatchScorer.Score"/> once per batch through the scoring pipeline (retry + circuit breaker).</summary>
internal sealed class ScoringStage(IBatchScorer scorer, ResiliencePipeline pipeline, TimeSpan breakDuration)
{
    /// <summary>Names of the score columns.</summary>
    public IReadOnlyList<string> ScoreNames => scorer.ScoreNames;

    /// <summary>Scores rows 0..<paramref name="count"/>−1 of <paramref name="images"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled during a retry delay.</exception>
    public ScoringOutcome Score(float[] images, int count, int pixelsPerImage, CancellationToken cancellationToken)
    {
        var state = (Scorer: scorer, Images: images, Count: count, Pixels: pixelsPerImage);
        try
        {
            var scores = pipeline.Execute(static (s, _) => ScoreOnce(s.Scorer, s.Images, s.Count, s.Pixels), state, cancellationToken);
            return new ScoringOutcome(scores, null, null);
        }
        catch (BrokenCircuitException e)
        {
            return new ScoringOutcome(null, e.RetryAfter ?? breakDuration, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return new ScoringOutcome(null, null, e);
        }
    }

    private static float[] ScoreOnce(IBatchScorer scorer, float[] images, int count, int pixels)
    {
        var scores = scorer.Score(images.AsSpan(0, count * pixels), count);
        var expected = count * scorer.ScoreNames.Count;
        return scores.Length == expected
            ? scores
            : throw new InvalidOperationException($"The scorer returned {scores.Length} scores for {count} images; expected {expected}.");
    }
}
