using Moderation.Core.Scoring;
using Polly;
using Polly.CircuitBreaker;

namespace Moderation.Streaming.Worker;

/// <summary>Calls <see cref="IBatchScorer.Score"/> once per batch through the scoring pipeline (retry + circuit
/// breaker), with the model the batch leased from the <see cref="IScoringModelSource"/> when its scoring started: a
/// hot swap takes effect at the next batch, and the old scorer is disposed only after this lease is returned.</summary>
internal sealed class ScoringStage(IScoringModelSource models, ResiliencePipeline pipeline, TimeSpan breakDuration)
{
    /// <summary>Scores rows 0..<paramref name="count"/>−1 of <paramref name="images"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled during a retry delay.</exception>
    public ScoringOutcome Score(float[] images, int count, int pixelsPerImage, CancellationToken cancellationToken)
    {
        using var lease = models.Acquire();
        var model = lease.Model;
        var state = (Scorer: model.Scorer, Images: images, Count: count, Pixels: pixelsPerImage);
        try
        {
            var scores = pipeline.Execute(static (s, _) => ScoreOnce(s.Scorer, s.Images, s.Count, s.Pixels), state, cancellationToken);
            return new ScoringOutcome(scores, null, null, model);
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
