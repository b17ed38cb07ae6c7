using Moderation.Core.Scoring;

namespace Moderation.Streaming.Tests.Support;

/// <summary>
/// Test scorer with one score, <c>abnormal</c> = (mean pixel + 1) / 2 ∈ [0,1], i.e. the mean raw byte / 255.
/// Optionally fails its first <see cref="FailFirst"/> calls and sleeps <see cref="DelayPerCall"/> per call.
/// </summary>
internal sealed class MeanScorer : IBatchScorer
{
    public const string ScoreName = "abnormal";
    private int _calls;
    private int _images;

    public int FailFirst { get; init; }

    public TimeSpan DelayPerCall { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    public int ImagesScored => Volatile.Read(ref _images);

    public IReadOnlyList<string> ScoreNames { get; } = [ScoreName];

    public IReadOnlyList<int> ImageShape { get; } = [1, 28, 28];

    /// <summary>The score this scorer gives an image of raw bytes, computed independently in double precision.</summary>
    public static double Expected(byte[] image) => image.Average(static b => (double)b) / 255.0;

    public float[] Score(ReadOnlySpan<float> images, int count)
    {
        var call = Interlocked.Increment(ref _calls);
        if (DelayPerCall > TimeSpan.Zero)
        {
            Thread.Sleep(DelayPerCall);
        }

        if (call <= FailFirst)
        {
            throw new InvalidOperationException($"Scorer unavailable (call {call}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(images.Length, count * RawPixelPreprocessor.Pixels);
        var scores = new float[count];
        for (var n = 0; n < count; n++)
        {
            var sum = 0.0;
            foreach (var pixel in images.Slice(n * RawPixelPreprocessor.Pixels, RawPixelPreprocessor.Pixels))
            {
                sum += pixel;
            }

            scores[n] = (float)((sum / RawPixelPreprocessor.Pixels + 1) / 2);
        }

        Interlocked.Add(ref _images, count);
        return scores;
    }

    public void Dispose()
    {
    }
}
