namespace Moderation.Training.Data;

/// <summary>Grayscale images with one class label each, e.g. Fashion-MNIST.</summary>
public sealed class LabelledImages
{
    /// <summary>Wraps pixels and labels (not copied).</summary>
    /// <param name="pixels">Row-major <c>[count,height,width]</c> bytes.</param>
    /// <param name="labels">One class index per image.</param>
    /// <param name="height">Rows per image.</param>
    /// <param name="width">Columns per image.</param>
    /// <exception cref="ArgumentException">The lengths do not agree.</exception>
    public LabelledImages(byte[] pixels, byte[] labels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (pixels.Length != (long)labels.Length * height * width)
            throw new ArgumentException($"{pixels.Length} pixels for {labels.Length} labels of {height}×{width}", nameof(pixels));
        (Pixels, Labels, Height, Width) = (pixels, labels, height, width);
    }

    /// <summary>Pixels, row-major <c>[Count,Height,Width]</c>, 0–255.</summary>
    public byte[] Pixels { get; }

    /// <summary>Class index per image.</summary>
    public byte[] Labels { get; }

    /// <summary>Rows per image (28 for Fashion-MNIST).</summary>
    public int Height { get; }

    /// <summary>Columns per image (28 for Fashion-MNIST).</summary>
    public int Width { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Pixels of image <paramref name="index"/>, <c>[Height,Width]</c>.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * Height * Width, Height * Width);

    /// <summary>The images whose label is one of <paramref name="classes"/>, in their original order.</summary>
    public LabelledImages WhereClass(IEnumerable<int> classes)
    {
        var wanted = classes.ToHashSet();
        return Select([.. Enumerable.Range(0, Count).Where(i => wanted.Contains(Labels[i]))]);
    }

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, Count).</exception>
    public LabelledImages Select(IReadOnlyList<int> indices)
    {
        int size = Height * Width;
        var pixels = new byte[indices.Count * size];
        var labels = new byte[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            int source = indices[i];
            if ((uint)source >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(indices), source, $"index outside [0,{Count})");
            Image(source).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = Labels[source];
        }
        return new LabelledImages(pixels, labels, Height, Width);
    }

    /// <summary>All images as float32 <c>[Count,1,Height,Width]</c> in [−1,1]: x/127.5 − 1 (the generator's tanh range).</summary>
    public float[] ToTensor()
    {
        var result = new float[Pixels.Length];
        ToTensor(Pixels, result);
        return result;
    }

    /// <summary>Converts bytes to float32 in [−1,1] with x/127.5 − 1.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="pixels"/>.</exception>
    public static void ToTensor(ReadOnlySpan<byte> pixels, Span<float> destination)
    {
        if (destination.Length < pixels.Length) throw new ArgumentException("destination is too short", nameof(destination));
        for (int i = 0; i < pixels.Length; i++) destination[i] = pixels[i] / 127.5f - 1f;
    }
}
