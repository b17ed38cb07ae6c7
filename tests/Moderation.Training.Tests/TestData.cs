using Moderation.Training.Data;

namespace Moderation.Training.Tests;

/// <summary>Real Fashion-MNIST from Debian's dataset-fashion-mnist, loaded once per test run.</summary>
internal static class TestData
{
    private static readonly Lazy<LabelledImages> TrainSet = new(() => FashionMnist.LoadTrain());
    private static readonly Lazy<LabelledImages> TestSet = new(() => FashionMnist.LoadTest());

    public static LabelledImages Train => TrainSet.Value;

    public static LabelledImages Test => TestSet.Value;

    /// <summary>The first <paramref name="count"/> trouser (class 1) training images, float32 [count,1,28,28] in [−1,1].</summary>
    public static float[] Trousers(int count) =>
        Train.WhereClass([1]).Select([.. Enumerable.Range(0, count)]).ToTensor();

    /// <summary>The repository root (the folder holding pipelines/), found upwards from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "pipelines")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        throw new DirectoryNotFoundException("repository root with pipelines/ not found above " + AppContext.BaseDirectory);
    }
}
