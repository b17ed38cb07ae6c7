using Moderation.Training.Data;

namespace Moderation.Retraining.Tests;

/// <summary>Real Fashion-MNIST from Debian's dataset-fashion-mnist, loaded once per test run.</summary>
internal static class TestData
{
    private static readonly Lazy<LabelledImages> TrainSet = new(() => FashionMnist.LoadTrain());

    public static LabelledImages Train => TrainSet.Value;

    /// <summary><paramref name="count"/> training images of <paramref name="label"/> from index <paramref name="skip"/>,
    /// float32 [count,1,28,28] in [−1,1].</summary>
    public static float[] Images(int label, int count, int skip = 0) =>
        Train.WhereClass([label]).Select([.. Enumerable.Range(skip, count)]).ToTensor();

    /// <summary>The repository root (the folder holding models/), found upwards from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "models")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        throw new DirectoryNotFoundException("repository root with models/ not found above " + AppContext.BaseDirectory);
    }
}
