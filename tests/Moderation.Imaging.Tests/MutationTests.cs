using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Tests;

/// <summary>Property: whatever is done to the bytes of a valid image, pre-processing either succeeds with values in
/// [−1,1] or throws <see cref="ImageRejectedException"/> with a decode-time reason — never another exception, never a
/// crash of the process (an access violation would take the test host down with it). Seeded, so reproducible.</summary>
public sealed class MutationTests
{
    private const int MutationsPerFile = 250;

    private static readonly string[] AllowedReasons =
        [DeadLetterReasons.Empty, DeadLetterReasons.UnsupportedType, DeadLetterReasons.TooManyPixels, DeadLetterReasons.Corrupt];

    public static TheoryData<string> Files() => new()
    {
        "gray8.png", "rgba8.png", "gray8-adam7.png", "palette2-trns.png", "gray16.png",
        "gray-q95.jpg", "rgb420-q95.jpg", "rgb444-progressive-q90.jpg",
        "gray-lossless.webp", "rgba-lossless.webp", "rgb-q90.webp", "rgba-q90.webp",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Random_mutations_only_ever_raise_image_rejected(string file)
    {
        byte[] original = TestData.Fixture(file);
        var preprocessor = new ImagePreprocessor();
        var random = new Random(file.Aggregate(17, (hash, c) => unchecked((hash * 31) + c))); // stable across runs
        float[] tensor = new float[28 * 28];
        int rejected = 0;

        for (int n = 0; n < MutationsPerFile; n++)
        {
            byte[] mutated = Mutate(original, random);
            try
            {
                preprocessor.Preprocess(mutated, null, tensor);
                Assert.All(tensor, v => Assert.InRange(v, -1f, 1f));
            }
            catch (ImageRejectedException e)
            {
                Assert.Contains(e.Reason, AllowedReasons);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                rejected++;
            }
        }

        Assert.InRange(rejected, 1, MutationsPerFile); // the mutations do reach the rejection paths
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0: // flip 1–8 bits anywhere
                for (int k = random.Next(1, 9); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1: // flip bits in the first 64 bytes, where the headers live
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(Math.Min(64, bytes.Length))] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 2: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 3: // overwrite a run with random bytes
                int start = random.Next(bytes.Length);
                random.NextBytes(bytes.AsSpan(start, Math.Min(bytes.Length - start, random.Next(1, 32))));
                return bytes;
            default: // splice: drop or duplicate a slice
                int from = random.Next(bytes.Length), length = random.Next(1, Math.Max(2, bytes.Length - from));
                return random.Next(2) == 0
                    ? [.. bytes[..from], .. bytes[Math.Min(bytes.Length, from + length)..]]
                    : [.. bytes[..from], .. bytes[from..Math.Min(bytes.Length, from + length)], .. bytes[from..]];
        }
    }
}
