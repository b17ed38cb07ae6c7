using System.Buffers;

namespace Moderation.Imaging.Resampling;

/// <summary>Area-averaging (box filter) resampling of 8-bit gray images: every output pixel is the exact mean of the
/// input area under it, weighting partly covered input pixels by the covered fraction. Separable, integer-exact
/// until one final division (so 56→28 yields exact 2×2 means and a constant image stays constant); also upsamples.
/// Thread-safe, allocation-free apart from pooled scratch buffers.</summary>
public static class BoxFilter
{
    /// <summary>Resizes <paramref name="source"/> (<c>byte [height,width]</c>) into <paramref name="destination"/>
    /// (<c>float32 [outHeight,outWidth]</c>, values in [0,255], not rounded).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or an input side exceeds 8,000,000.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its declared size.</exception>
    public static void Resize(ReadOnlySpan<byte> source, int width, int height, Span<float> destination, int outWidth, int outHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outHeight);
        // Row sums are at most width·255 in an int.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8_000_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8_000_000);
        if (source.Length < (long)width * height)
        {
            throw new ArgumentException($"Source holds {source.Length} bytes, needs {(long)width * height}.", nameof(source));
        }

        if (destination.Length < (long)outWidth * outHeight)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats, needs {(long)outWidth * outHeight}.", nameof(destination));
        }

        int[] columnTaps = ArrayPool<int>.Shared.Rent(AxisTaps.Capacity(width, outWidth));
        int[] rowTaps = ArrayPool<int>.Shared.Rent(AxisTaps.Capacity(height, outHeight));
        int[] rowSums = ArrayPool<int>.Shared.Rent(checked(height * outWidth));
        long[] accumulator = ArrayPool<long>.Shared.Rent(outWidth);
        try
        {
            AxisTaps.Fill(width, outWidth, columnTaps);
            AxisTaps.Fill(height, outHeight, rowTaps);
            SumRows(source, width, height, columnTaps, rowSums.AsSpan(0, height * outWidth), outWidth);
            SumColumns(rowSums, rowTaps, accumulator.AsSpan(0, outWidth), destination, outHeight, (double)width * height);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(accumulator);
            ArrayPool<int>.Shared.Return(rowSums);
            ArrayPool<int>.Shared.Return(rowTaps);
            ArrayPool<int>.Shared.Return(columnTaps);
        }
    }

    /// <summary>Horizontal pass: rowSums[y, j] = Σ weight·source[y, i] (exact, ≤ width·255).</summary>
    private static void SumRows(ReadOnlySpan<byte> source, int width, int height, ReadOnlySpan<int> taps, Span<int> rowSums, int outWidth)
    {
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = source.Slice(y * width, width);
            Span<int> sums = rowSums.Slice(y * outWidth, outWidth);
            int cursor = 0;
            for (int j = 0; j < outWidth; j++)
            {
                int first = taps[cursor++];
                int count = taps[cursor++];
                int sum = 0;
                for (int k = 0; k < count; k++)
                {
                    sum += taps[cursor++] * row[first + k];
                }

                sums[j] = sum;
            }
        }
    }

    /// <summary>Vertical pass over the row sums, then the single division by width·height.</summary>
    private static void SumColumns(ReadOnlySpan<int> rowSums, ReadOnlySpan<int> taps, Span<long> accumulator,
        Span<float> destination, int outHeight, double area)
    {
        int outWidth = accumulator.Length;
        int cursor = 0;
        for (int i = 0; i < outHeight; i++)
        {
            accumulator.Clear();
            int first = taps[cursor++];
            int count = taps[cursor++];
            for (int k = 0; k < count; k++)
            {
                long weight = taps[cursor++];
                ReadOnlySpan<int> sums = rowSums.Slice((first + k) * outWidth, outWidth);
                for (int j = 0; j < outWidth; j++)
                {
                    accumulator[j] += weight * sums[j];
                }
            }

            Span<float> output = destination.Slice(i * outWidth, outWidth);
            for (int j = 0; j < outWidth; j++)
            {
                output[j] = (float)(accumulator[j] / area);
            }
        }
    }
}
