using System.Text;
using Moderation.Core.Contracts;
using Moderation.Imaging;
using static Moderation.Tools.Imaging.Samples.MalformedPayloadKinds;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Builds one payload of a kind from the clean encodings of the valid image; stateless apart from them.</summary>
internal sealed class MalformedPayloadFactory
{
    private static readonly string[] NonImageTypes =
        ["text/plain", "text/plain; charset=utf-8", "application/octet-stream", "image/gif", "image/bmp", "image/avif", "text/html"];

    private readonly int side = MalformedPayloads.ImageSide;
    private readonly int maxEncodedBytes;
    private readonly ImageDecoder decoder;
    private readonly byte[] gray, png, jpeg, webPLossy, webPLossless;

    public MalformedPayloadFactory(ReadOnlySpan<byte> gray, ImagingOptions limits)
    {
        this.gray = gray.ToArray();
        maxEncodedBytes = limits.MaxEncodedBytes;
        decoder = new ImageDecoder(limits);
        png = ImageEncoder.EncodePng(gray, side, side);
        jpeg = ImageEncoder.EncodeJpeg(gray, side, side, quality: 90);
        webPLossy = ImageEncoder.EncodeWebP(gray, side, side, quality: 90f);
        webPLossless = ImageEncoder.EncodeWebPLossless(gray, side, side);
    }

    public MalformedPayload Create(string kind, Random random) => kind switch
    {
        TruncatedPng => Rejected(kind, "image/png", random, () => Corruptions.Truncate(png, 8, EncodedLayout.PngImageDataEnd(png), random)),
        TruncatedJpeg => Rejected(kind, "image/jpeg", random, () => Corruptions.Truncate(jpeg, 3, jpeg.Length - 2, random)),
        TruncatedWebP => Rejected(kind, "image/webp", random, () =>
        {
            byte[] webP = random.Next(2) == 0 ? webPLossy : webPLossless;
            return Corruptions.Truncate(webP, 12, webP.Length, random);
        }),
        BitFlippedPng => Rejected(kind, "image/png", random, () =>
        {
            (int start, int end) = EncodedLayout.PngImageData(png);
            return Corruptions.FlipBits(png, start, end, random);
        }),
        BitFlippedJpeg => Rejected(kind, "image/jpeg", random, () =>
            Corruptions.FlipBits(jpeg, EncodedLayout.JpegScanStart(jpeg), jpeg.Length - 2, random)),
        BitFlippedWebP => Rejected(kind, "image/webp", random, () =>
        {
            byte[] webP = random.Next(2) == 0 ? webPLossy : webPLossless;
            return Corruptions.FlipBits(webP, EncodedLayout.WebPBitstreamStart(webP), webP.Length, random);
        }),
        GarbageBodyPng => Rejected(kind, "image/png", random, () => GarbageBodies.Png(random)),
        GarbageBodyJpeg => Rejected(kind, "image/jpeg", random, () => GarbageBodies.Jpeg(jpeg, random)),
        GarbageBodyWebP => Rejected(kind, "image/webp", random, () => GarbageBodies.WebP(random)),
        PngHeaderBomb => new(kind, Bombs.PngHeader(random), Maybe(random, "image/png"), DeadLetterReasons.TooManyPixels),
        PngDeflateBomb => new(kind, Bombs.PngDeflate(), Maybe(random, "image/png"), DeadLetterReasons.TooManyPixels),
        JpegHeaderBomb => new(kind, Bombs.JpegHeader(jpeg, random), Maybe(random, "image/jpeg"), DeadLetterReasons.TooManyPixels),
        WebPHeaderBomb => new(kind, Bombs.WebPHeader(random), Maybe(random, "image/webp"), DeadLetterReasons.TooManyPixels),
        WrongContentType => new(kind, random.GetItems([png, jpeg, webPLossy, webPLossless], 1)[0],
            random.GetItems(NonImageTypes, 1)[0], DeadLetterReasons.UnsupportedType),
        Gif => new(kind, GifWriter.Encode(gray, side, side), Maybe(random, "image/gif"), DeadLetterReasons.UnsupportedType),
        PlainText => new(kind, Encoding.UTF8.GetBytes($"Post #{random.Next(1_000_000)}: this is text, not an image.\n"),
            Maybe(random, "text/plain; charset=utf-8"), DeadLetterReasons.UnsupportedType),
        Empty => new(kind, [], random.GetItems<string?>([null, "image/png", "image/jpeg", "image/webp", "text/plain"], 1)[0],
            DeadLetterReasons.Empty),
        OverSize => new(kind, OverSizePng(random), Maybe(random, "image/png"), DeadLetterReasons.TooLarge),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown malformed payload kind."),
    };

    /// <summary>A randomized corruption that the decoder is verified to refuse; labelled corrupt (headers are kept, so
    /// only the codec can object).</summary>
    private MalformedPayload Rejected(string kind, string contentType, Random random, Func<byte[]> candidate)
    {
        string? header = Maybe(random, contentType);
        return new(kind, Corruptions.FirstRejected(candidate, decoder, header, kind), header, DeadLetterReasons.Corrupt);
    }

    /// <summary>The clean PNG with a private ancillary <c>paDd</c> chunk of random bytes before IEND, so that the file
    /// is 1–4096 bytes over the limit.</summary>
    private byte[] OverSizePng(Random random)
    {
        int withoutEnd = png.Length - 12;
        int target = maxEncodedBytes + random.Next(1, 4097);
        byte[] padding = new byte[target - withoutEnd - 12 - 12];
        random.NextBytes(padding);
        return [.. png.AsSpan(0, withoutEnd), .. PngChunks.Chunk("paDd", padding), .. PngChunks.End()];
    }

    /// <summary>The content type, or (half of the time) none: the decoder then sniffs magic bytes.</summary>
    private static string? Maybe(Random random, string contentType) => random.Next(2) == 0 ? contentType : null;
}
