using Moderation.Scoring.Runtime;

namespace Moderation.Scoring.Tests.Support;

/// <summary>The shipped model and the known-value fixtures, and a scratch copy of the model folder for tampering.</summary>
public static class TestModels
{
    /// <summary>The repository's <c>models/fashion-trouser</c> (found from the test's output folder upwards).</summary>
    public static string ShippedFolder { get; } = FindShipped();

    /// <summary>The shipped discriminator, input <c>image</c> float32 <c>[N,1,28,28]</c>.</summary>
    public static string Discriminator => Path.Combine(ShippedFolder, "discriminator.onnx");

    /// <summary>Relu over float32 <c>[N,4]</c> (input <c>z</c>, output <c>image</c>).</summary>
    public static string Relu => Path.Combine(AppContext.BaseDirectory, "Fixtures", "relu4.onnx");

    /// <summary>Sigmoid over float32 <c>[N,2]</c> (input <c>z</c>, output <c>image</c>).</summary>
    public static string Sigmoid => Path.Combine(AppContext.BaseDirectory, "Fixtures", "sigmoid2.onnx");

    /// <summary>CPU, one thread each (2-core CI machine).</summary>
    public static OnnxSessionOptions Cpu(string provider = OnnxExecutionProviders.Cpu) =>
        new() { ExecutionProvider = provider, IntraOpThreads = 1, InterOpThreads = 1 };

    /// <summary>A copy of the shipped model folder in a new temporary folder (the caller deletes it).</summary>
    public static string CopyOfShipped()
    {
        var folder = Directory.CreateTempSubdirectory("moderation-scoring-").FullName;
        foreach (var file in Directory.GetFiles(ShippedFolder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Seeded images float32 in [−1,1], <paramref name="count"/>·784 values.</summary>
    public static float[] Images(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count * 784).Select(_ => random.NextSingle() * 2 - 1).ToArray();
    }

    private static string FindShipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "fashion-trouser");
            if (File.Exists(Path.Combine(candidate, "model-card.json"))) return candidate;
        }

        throw new DirectoryNotFoundException("models/fashion-trouser not found above " + AppContext.BaseDirectory);
    }
}
