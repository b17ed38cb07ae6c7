using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Tools.Imaging.Samples;
using static Moderation.Tools.Imaging.Samples.MalformedPayloadKinds;

namespace Moderation.Imaging.Tests.Samples;

public sealed class MalformedPayloadsTests
{
    /// <summary>Default limits but 1 MiB of encoded bytes, so over-size payloads stay small.</summary>
    internal static readonly ImagingOptions Limits = new() { MaxEncodedBytes = MalformedPayloads.MinimumEncodedLimit };

    /// <summary>The documented reason of every kind, written out here independently of the generator's labels.</summary>
    private static readonly Dictionary<string, string> ReasonOf = new()
    {
        [TruncatedPng] = DeadLetterReasons.Corrupt, [TruncatedJpeg] = DeadLetterReasons.Corrupt,
        [TruncatedWebP] = DeadLetterReasons.Corrupt, [BitFlippedPng] = DeadLetterReasons.Corrupt,
        [BitFlippedJpeg] = DeadLetterReasons.Corrupt, [BitFlippedWebP] = DeadLetterReasons.Corrupt,
        [GarbageBodyPng] = DeadLetterReasons.Corrupt, [GarbageBodyJpeg] = DeadLetterReasons.Corrupt,
        [GarbageBodyWebP] = DeadLetterReasons.Corrupt, [PngHeaderBomb] = DeadLetterReasons.TooManyPixels,
        [PngDeflateBomb] = DeadLetterReasons.TooManyPixels, [JpegHeaderBomb] = DeadLetterReasons.TooManyPixels,
        [WebPHeaderBomb] = DeadLetterReasons.TooManyPixels, [WrongContentType] = DeadLetterReasons.UnsupportedType,
        [Gif] = DeadLetterReasons.UnsupportedType, [PlainText] = DeadLetterReasons.UnsupportedType,
        [Empty] = DeadLetterReasons.Empty, [OverSize] = DeadLetterReasons.TooLarge,
    };

    [Theory]
    [InlineData(0, 11)]
    [InlineData(7, 2024)]
    public void Every_payload_is_rejected_by_the_preprocessor_with_exactly_its_expected_reason(int image, int seed)
    {
        List<MalformedPayload> payloads = [.. MalformedPayloads.Generate(216, seed, TestData.FashionMnist(image), Limits)];
        var preprocessor = new ImagePreprocessor(Limits);
        float[] tensor = new float[28 * 28];
        var mismatches = new List<string>();

        foreach (MalformedPayload payload in payloads)
        {
            try
            {
                preprocessor.Preprocess(payload.Bytes, payload.ContentType, tensor);
                mismatches.Add($"{payload.Kind}: decoded");
            }
            catch (ImageRejectedException e)
            {
                if (e.Reason != payload.ExpectedReason)
                {
                    mismatches.Add($"{payload.Kind}: expected {payload.ExpectedReason}, got {e.Reason} ({e.Message})");
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(216, payloads.Count);
        Assert.All(payloads, p => Assert.Equal(ReasonOf[p.Kind], p.ExpectedReason));
        Assert.Equal(All.Order(), payloads.CountBy(p => p.Kind).Where(c => c.Value == 216 / All.Count).Select(c => c.Key).Order());
        Assert.Contains(payloads, p => p.ContentType is null && p.Bytes.Length > 0);
        Assert.Contains(payloads, p => p.ContentType is not null && p.ExpectedReason == DeadLetterReasons.Corrupt);
    }

    [Fact]
    public void The_same_seed_gives_the_same_payloads_and_another_seed_other_ones()
    {
        byte[] image = TestData.FashionMnist(3);
        IEnumerable<MalformedPayload> first = MalformedPayloads.Generate(40, 5, image, Limits);

        string[] once = Fingerprints(first), again = Fingerprints(first);
        string[] regenerated = Fingerprints(MalformedPayloads.Generate(40, 5, image, Limits));
        string[] otherSeed = Fingerprints(MalformedPayloads.Generate(40, 6, image, Limits));

        Assert.Equal(once, again);
        Assert.Equal(once, regenerated);
        Assert.NotEqual(once, otherSeed);
    }

    [Fact]
    public void Only_the_selected_kinds_are_generated()
    {
        string[] kinds = [Empty, Gif, BitFlippedJpeg];

        List<MalformedPayload> payloads = [.. MalformedPayloads.Generate(30, 1, TestData.FashionMnist(0), Limits, kinds)];

        Assert.Equal(kinds.Order(), payloads.Select(p => p.Kind).Distinct().Order());
        Assert.All(payloads.CountBy(p => p.Kind), c => Assert.Equal(10, c.Value));
    }

    [Fact]
    public void Bad_arguments_are_refused_before_anything_is_generated()
    {
        byte[] image = TestData.FashionMnist(0);

        Assert.Throws<ArgumentOutOfRangeException>(() => MalformedPayloads.Generate(-1, 0, image));
        Assert.Throws<ArgumentException>(() => MalformedPayloads.Generate(1, 0, image.AsSpan(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MalformedPayloads.Generate(1, 0, image, new ImagingOptions { MaxEncodedBytes = MalformedPayloads.MinimumEncodedLimit - 1 }));
        Assert.Throws<ArgumentException>(() =>
            MalformedPayloads.Generate(1, 0, image, new ImagingOptions { MaxPixels = 16384L * 16384L }));
        Assert.Throws<ArgumentException>(() => MalformedPayloads.Generate(1, 0, image, Limits, ["not-a-kind"]));
        Assert.Throws<ArgumentException>(() => MalformedPayloads.Generate(1, 0, image, Limits, []));
    }

    private static string[] Fingerprints(IEnumerable<MalformedPayload> payloads) =>
        [.. payloads.Select(p => $"{p.Kind}|{p.ContentType}|{p.ExpectedReason}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(p.Bytes))}")];
}
