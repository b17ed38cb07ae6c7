using Moderation.Imaging;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Seeded generator of labelled malformed posts, for the demo producer and the fault tests: truncated,
/// bit-flipped and garbage-bodied PNG/JPEG/WebP, decompression bombs, wrong content types, empty and over-size
/// payloads (<see cref="MalformedPayloadKinds"/>). Each carries the dead-letter reason <see cref="ImagePreprocessor"/>
/// gives it under the limits it was generated for.</summary>
/// <remarks>Randomized corruptions (truncation, bit flips, garbage bodies) are checked with <see cref="ImageDecoder"/>
/// while generating: a candidate that still decodes is not malformed and is replaced by a fresh one (the label is not
/// taken from the decoder; it only filters out intact images). Output is deterministic for a given seed, image, limits
/// and SkiaSharp version (Skia's libpng, libjpeg-turbo and libwebp encode the clean images).</remarks>
public static class MalformedPayloads
{
    /// <summary>Side of the valid image the payloads are made from, in pixels (a Fashion-MNIST image).</summary>
    public const int ImageSide = 28;

    /// <summary>Smallest <see cref="ImagingOptions.MaxEncodedBytes"/> accepted: 1 MiB (1,048,576 bytes). Every
    /// payload except <see cref="MalformedPayloadKinds.OverSize"/> is smaller (the largest, the deflate bomb, is about
    /// 260 KB), so its label does not depend on the size limit.</summary>
    public const int MinimumEncodedLimit = 1 << 20;

    /// <summary>Generates <paramref name="count"/> payloads, cycling through the kinds in a seeded shuffled order, so
    /// every kind appears once <paramref name="count"/> reaches the number of kinds. Lazy: each payload is built when
    /// enumerated, and every enumeration yields the same sequence.</summary>
    /// <param name="count">How many payloads, ≥ 0.</param>
    /// <param name="seed">Seed of <see cref="Random"/>; the same seed gives the same bytes.</param>
    /// <param name="validGray28x28Image">A valid image, <c>byte [28,28]</c> gray (e.g. a Fashion-MNIST sample); the
    /// payloads are corruptions of its PNG, JPEG (quality 90) and WebP (lossy quality 90, lossless) encodings.</param>
    /// <param name="limits">The limits the labels hold for; default <see cref="ImagingOptions"/> (over-size payloads
    /// are then just over 10 MiB, larger than Kafka's default 1 MB message limit: lower the limit or leave the kind out).</param>
    /// <param name="kinds">The kinds to generate (from <see cref="MalformedPayloadKinds.All"/>); null for all.</param>
    /// <returns>The payloads, lazily.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or
    /// <see cref="ImagingOptions.MaxEncodedBytes"/> is below <see cref="MinimumEncodedLimit"/>.</exception>
    /// <exception cref="ArgumentException">The image is not 784 bytes; the limits accept a 16384×16384 image (then the
    /// bombs are not bombs); a kind is unknown or <paramref name="kinds"/> is empty.</exception>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public static IEnumerable<MalformedPayload> Generate(int count, int seed, ReadOnlySpan<byte> validGray28x28Image,
        ImagingOptions? limits = null, IEnumerable<string>? kinds = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (validGray28x28Image.Length != ImageSide * ImageSide)
        {
            throw new ArgumentException($"Expected {ImageSide * ImageSide} gray pixels, got {validGray28x28Image.Length}.",
                nameof(validGray28x28Image));
        }

        limits ??= new ImagingOptions();
        limits.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxEncodedBytes, MinimumEncodedLimit, "limits.MaxEncodedBytes");
        if (limits.MaxSide >= Bombs.Side && limits.MaxPixels >= (long)Bombs.Side * Bombs.Side)
        {
            throw new ArgumentException($"The limits accept {Bombs.Side}×{Bombs.Side} images, so the decompression bombs would decode.",
                nameof(limits));
        }

        string[] selected = [.. (kinds ?? MalformedPayloadKinds.All).Distinct(StringComparer.Ordinal)];
        if (selected.Length == 0)
        {
            throw new ArgumentException("No kinds selected.", nameof(kinds));
        }

        if (selected.FirstOrDefault(k => !MalformedPayloadKinds.All.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown kind '{unknown}'.", nameof(kinds));
        }

        var factory = new MalformedPayloadFactory(validGray28x28Image, limits);
        return Iterate(count, seed, selected, factory);
    }

    private static IEnumerable<MalformedPayload> Iterate(int count, int seed, string[] kinds, MalformedPayloadFactory factory)
    {
        var random = new Random(seed);
        string[] round = (string[])kinds.Clone();
        for (int i = 0; i < count; i++)
        {
            if (i % round.Length == 0)
            {
                random.Shuffle(round);
            }

            yield return factory.Create(round[i % round.Length], random);
        }
    }
}
