using Moderation.Core.Imaging;
using Moderation.Imaging;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Random damage to clean encodings: truncation, bit flips, and the filter that keeps only candidates the
/// decoder refuses.</summary>
internal static class Corruptions
{
    /// <summary>How many candidates <see cref="FirstRejected"/> tries before giving up. Measured over 1000 payloads per
    /// kind: every truncation and PNG bit flip is refused, about 29% of JPEG and 32% of WebP bit flips are (3.5 and 3.1
    /// candidates per payload), garbage bodies nearly always; so reaching the cap means something is broken.</summary>
    public const int MaxAttempts = 1000;

    /// <summary>The first <c>[minLength, maxLength)</c> bytes, length drawn uniformly.</summary>
    public static byte[] Truncate(byte[] clean, int minLength, int maxLength, Random random) =>
        clean[..random.Next(minLength, maxLength)];

    /// <summary>A copy with 1–4 distinct bits flipped at byte offsets in <c>[start, end)</c>.</summary>
    public static byte[] FlipBits(byte[] clean, int start, int end, Random random)
    {
        byte[] flipped = (byte[])clean.Clone();
        var positions = new HashSet<(int, int)>();
        for (int flips = random.Next(1, 5); positions.Count < flips;)
        {
            (int offset, int bit) = (random.Next(start, end), random.Next(8));
            if (positions.Add((offset, bit)))
            {
                flipped[offset] ^= (byte)(1 << bit);
            }
        }

        return flipped;
    }

    /// <summary>Draws candidates until <paramref name="decoder"/> refuses one; a candidate that still decodes is an
    /// intact image, not a malformed one.</summary>
    /// <exception cref="InvalidOperationException">No candidate in <see cref="MaxAttempts"/> was refused.</exception>
    public static byte[] FirstRejected(Func<byte[]> candidate, ImageDecoder decoder, string? contentType, string kind)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            byte[] bytes = candidate();
            if (!Decodes(decoder, bytes, contentType))
            {
                return bytes;
            }
        }

        throw new InvalidOperationException($"No {kind} candidate out of {MaxAttempts} was refused by the decoder.");
    }

    private static bool Decodes(ImageDecoder decoder, byte[] bytes, string? contentType)
    {
        try
        {
            decoder.Decode(bytes, contentType);
            return true;
        }
        catch (ImageRejectedException)
        {
            return false;
        }
    }
}
