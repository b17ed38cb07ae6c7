namespace Moderation.Training.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017): 60,000 training and 10,000 test 28×28 grayscale images of 10
/// clothing classes, 6,000 / 1,000 per class, in IDX files. Debian's <c>dataset-fashion-mnist</c> installs them under
/// <see cref="DefaultFolder"/>.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's package puts the four <c>*-ubyte.gz</c> files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Side of each image in pixels.</summary>
    public const int ImageSize = 28;

    /// <summary>Class names by label index 0–9, as published with the data set.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the 60,000 training images (<c>train-images-idx3-ubyte.gz</c>, <c>train-labels-idx1-ubyte.gz</c>).</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX or the counts disagree.</exception>
    public static LabelledImages LoadTrain(string folder = DefaultFolder) =>
        Load(Path.Combine(folder, "train-images-idx3-ubyte.gz"), Path.Combine(folder, "train-labels-idx1-ubyte.gz"));

    /// <summary>Loads the 10,000 test images (<c>t10k-images-idx3-ubyte.gz</c>, <c>t10k-labels-idx1-ubyte.gz</c>).</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX or the counts disagree.</exception>
    public static LabelledImages LoadTest(string folder = DefaultFolder) =>
        Load(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));

    /// <summary>Loads an images file and its labels file (gzip or raw IDX).</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX, the counts disagree, or a label is above 9.</exception>
    public static LabelledImages Load(string imagesPath, string labelsPath)
    {
        var (pixels, count, rows, columns) = IdxReader.ReadImages(imagesPath);
        var labels = IdxReader.ReadLabels(labelsPath);
        if (labels.Length != count)
            throw new InvalidDataException($"{imagesPath} holds {count} images but {labelsPath} holds {labels.Length} labels");
        int bad = Array.FindIndex(labels, l => l >= ClassNames.Count);
        if (bad >= 0) throw new InvalidDataException($"{labelsPath}: label {labels[bad]} at index {bad} is not a class 0–9");
        return new LabelledImages(pixels, labels, rows, columns);
    }
}
