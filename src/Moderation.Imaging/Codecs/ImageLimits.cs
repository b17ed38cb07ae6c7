using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Codecs;

/// <summary>The decompression-bomb guard: checked against the dimensions a header declares, before the pixel
/// buffer is allocated or any pixel is decoded.</summary>
internal readonly record struct ImageLimits(long MaxPixels, int MaxSide)
{
    /// <exception cref="ImageRejectedException">Reason <see cref="DeadLetterReasons.TooManyPixels"/> when a side exceeds
    /// <see cref="MaxSide"/> or width·height exceeds <see cref="MaxPixels"/>; <see cref="DeadLetterReasons.Corrupt"/>
    /// when a side is not positive.</exception>
    public void Verify(long width, long height, string format)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(DeadLetterReasons.Corrupt, $"{format} header declares an empty image ({width}×{height}).");
        }

        if (width > MaxSide || height > MaxSide)
        {
            throw new ImageRejectedException(DeadLetterReasons.TooManyPixels,
                $"{format} header declares {width}×{height} pixels; the longest side allowed is {MaxSide}.");
        }

        if (width * height > MaxPixels)
        {
            throw new ImageRejectedException(DeadLetterReasons.TooManyPixels,
                $"{format} header declares {width}×{height} = {width * height} pixels; at most {MaxPixels} are allowed.");
        }
    }
}
