using System.Buffers;

namespace Moderation.Imaging.Codecs;

/// <summary>A decoded 8-bit grayscale image whose pixels live in the first Width·Height bytes of an array rented from
/// <see cref="ArrayPool{T}.Shared"/> (possibly larger: codecs decode 3 or 4 channels into it and convert in place).
/// Dispose exactly once, and do not touch <see cref="Pixels"/> afterwards.</summary>
internal sealed class PooledGrayImage : IDisposable
{
    private byte[]? buffer;

    private PooledGrayImage(byte[] buffer, int width, int height)
    {
        this.buffer = buffer;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major pixels, Width·Height bytes.</summary>
    public ReadOnlySpan<byte> Pixels =>
        (buffer ?? throw new ObjectDisposedException(nameof(PooledGrayImage))).AsSpan(0, Width * Height);

    /// <summary>Rents room for <paramref name="channels"/> bytes per pixel; the caller fills it through
    /// <see cref="RentedSpan"/> and must dispose the result on every path.</summary>
    public static PooledGrayImage Rent(int width, int height, int channels) =>
        new(ArrayPool<byte>.Shared.Rent(checked(width * height * channels)), width, height);

    /// <summary>The whole rented working area, Width·Height·channels bytes.</summary>
    public Span<byte> RentedSpan(int channels) =>
        (buffer ?? throw new ObjectDisposedException(nameof(PooledGrayImage))).AsSpan(0, Width * Height * channels);

    public void Dispose()
    {
        byte[]? rented = Interlocked.Exchange(ref buffer, null);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
