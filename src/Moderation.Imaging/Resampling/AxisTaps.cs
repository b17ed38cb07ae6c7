namespace Moderation.Imaging.Resampling;

/// <summary>Exact box-filter weights along one axis. Scale both axes by the two sizes so that everything is an
/// integer: input pixel i covers [i·out, (i+1)·out) and output pixel j covers [j·in, (j+1)·in). The weight of input i
/// in output j is the length of the overlap, so the weights of one output sum to <c>in</c> and the mean is
/// Σ weight·pixel / in — fractional coverage, downsampling and upsampling alike, without rounding.</summary>
/// <remarks>Layout of <c>taps</c>, per output pixel in order: first input index, tap count, then that many weights.
/// Each output touches at most ⌈in/out⌉ + 1 inputs and the counts sum to at most in + out, so
/// <see cref="Capacity"/> = in + 3·out always suffices.</remarks>
internal static class AxisTaps
{
    public static int Capacity(int inSize, int outSize) => checked(inSize + (3 * outSize));

    public static void Fill(int inSize, int outSize, Span<int> taps)
    {
        int cursor = 0;
        for (long j = 0; j < outSize; j++)
        {
            long lo = j * inSize;
            long hi = lo + inSize;
            int first = (int)(lo / outSize);
            int last = (int)((hi - 1) / outSize);
            taps[cursor++] = first;
            taps[cursor++] = last - first + 1;
            for (long i = first; i <= last; i++)
            {
                taps[cursor++] = (int)(Math.Min(hi, (i + 1) * outSize) - Math.Max(lo, i * outSize));
            }
        }
    }
}
