using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Core.Scoring;

namespace Moderation.Cli.Offline;

/// <summary>
/// Scores files the way the service scores posts: each batch of up to <c>batchSize</c> files is decoded in parallel by
/// the service's <see cref="IImagePreprocessor"/> (no content type, so the magic bytes decide, as for a post without a
/// <c>content-type</c> header), the accepted images go to <see cref="IBatchScorer.Score"/> in one call, and each score
/// row is judged by the service's <see cref="VerdictRule"/>. A rejected file gets the dead-letter reason the service
/// would give; a failed scorer call gives <c>scoring-failed</c> to the batch's images (the service retries first).
/// </summary>
internal sealed class FileBatchScorer(IImagePreprocessor preprocessor, IBatchScorer scorer, VerdictRule rule, string modelVersion,
    int batchSize, int parallelism, int maxEncodedBytes)
{
    /// <summary>Outcomes in file order, one batch at a time.</summary>
    public IEnumerable<FileOutcome> Score(IReadOnlyList<string> files)
    {
        var pixels = scorer.ImageShape.Aggregate(1, (a, b) => a * b);
        var images = new float[batchSize * pixels];
        for (var start = 0; start < files.Count; start += batchSize)
        {
            var batch = files.Skip(start).Take(batchSize).ToArray();
            var failures = new (string? Reason, string Error)?[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                i => failures[i] = Decode(batch[i], images.AsSpan(i * pixels, pixels)));
            var slots = new int[batch.Length];
            var accepted = 0;
            for (var i = 0; i < batch.Length; i++)
            {
                slots[i] = failures[i] is null ? accepted++ : -1;
                if (slots[i] >= 0 && slots[i] != i) images.AsSpan(i * pixels, pixels).CopyTo(images.AsSpan(slots[i] * pixels, pixels));
            }

            var (scores, scoringError) = accepted == 0 ? ([], null) : ScoreAccepted(images.AsSpan(0, accepted * pixels), accepted);
            var columns = scorer.ScoreNames.Count;
            for (var i = 0; i < batch.Length; i++)
            {
                var failure = failures[i] ?? (scoringError is null ? null : (DeadLetterReasons.ScoringFailed, scoringError));
                if (failure is { } f)
                {
                    yield return new FileOutcome { File = batch[i], ModelVersion = modelVersion, DlqReason = f.Reason, Error = f.Error };
                    continue;
                }

                var (scoreMap, reasons) = rule.Judge(scores.AsSpan(slots[i] * columns, columns));
                yield return new FileOutcome
                {
                    File = batch[i], Flagged = reasons.Count > 0, Reasons = reasons, Scores = scoreMap, Thresholds = rule.Thresholds,
                    ModelVersion = modelVersion,
                };
            }
        }
    }

    /// <summary>Decodes one file into <paramref name="image"/>; returns why not, or null.</summary>
    private (string? Reason, string Error)? Decode(string file, Span<float> image)
    {
        byte[] bytes;
        try
        {
            bytes = Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }

        try
        {
            preprocessor.Preprocess(bytes, contentType: null, image);
            return null;
        }
        catch (ImageRejectedException e)
        {
            return (e.Reason, e.Message);
        }
    }

    /// <summary>The whole file, or its first limit + 1 bytes when it is larger (enough for the pre-processor to say
    /// <c>too-large</c> without reading a huge file).</summary>
    private byte[] Read(string file)
    {
        using var stream = File.OpenRead(file);
        var bytes = new byte[(int)Math.Min(stream.Length, maxEncodedBytes + 1L)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private (float[] Scores, string? Error) ScoreAccepted(ReadOnlySpan<float> images, int count)
    {
        try
        {
            return (scorer.Score(images, count), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ([], e.Message);
        }
    }
}
