using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>Trains the GEOM transformation classifier and computes its anomaly statistic with TorchSharp (eval mode,
/// as the exported graph).</summary>
internal static class TransformClassifierTrainer
{
    private const int ScoreBatch = 256;

    /// <summary>Trains a classifier on images float32 <c>[count,1,side,side]</c> in [−1,1]; returns it with the last
    /// epoch's mean loss (nats) and accuracy.</summary>
    public static (TorchNetwork Network, double Loss, double Accuracy) Train(float[] images, int count, TransformRecipe recipe,
        long seed, CancellationToken cancellationToken)
    {
        var network = TorchNetwork.Create(TransformClassifierSpecs.Create(recipe.Width), seed);
        try
        {
            int side = network.Spec.InputShape[1], size = side * side, t = DihedralTransforms.Count;
            var order = Enumerable.Range(0, count * t).ToArray();
            var random = new Random(unchecked((int)seed) ^ 0x6E0);
            var batch = new float[recipe.BatchSize * size];
            var labels = new long[recipe.BatchSize];
            double loss = 0, accuracy = 0;
            using var optimizer = new ClassifierOptimizer(network, recipe.LearningRate, 0.9, 0.999);
            for (int epoch = 0; epoch < recipe.Epochs; epoch++)
            {
                random.Shuffle(order);
                int steps = order.Length / recipe.BatchSize;
                (loss, accuracy) = (0, 0);
                for (int step = 0; step < steps; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (int j = 0; j < recipe.BatchSize; j++)
                    {
                        int pair = order[step * recipe.BatchSize + j], image = pair / t, k = pair % t;
                        DihedralTransforms.Apply(images.AsSpan(image * size, size), side, k, batch.AsSpan(j * size, size));
                        labels[j] = k;
                    }
                    var (l, a) = optimizer.Step(batch, recipe.BatchSize, labels);
                    loss += l / steps;
                    accuracy += a / steps;
                }
            }
            return (network, loss, accuracy);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>s(x) = −Σₜ log softmax(C(t(x)))[t] for each image float32 <c>[count,1,side,side]</c>.</summary>
    public static double[] Score(TorchNetwork classifier, float[] images, int count)
    {
        int side = classifier.Spec.InputShape[1], size = side * side, t = DihedralTransforms.Count;
        var scores = new double[count];
        for (int start = 0; start < count; start += ScoreBatch)
        {
            int n = Math.Min(ScoreBatch, count - start);
            var slice = images.AsSpan(start * size, n * size);
            for (int k = 0; k < t; k++)
            {
                var logits = classifier.Forward(DihedralTransforms.ApplyAll(slice, n, side, k), n).Output;
                for (int i = 0; i < n; i++) scores[start + i] -= LogSoftmax(logits.AsSpan(i * t, t), k);
            }
        }
        return scores;
    }

    /// <summary>log softmax(z)[k], computed with the max subtracted.</summary>
    internal static double LogSoftmax(ReadOnlySpan<float> z, int k)
    {
        double max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        double sum = 0;
        foreach (var v in z) sum += Math.Exp(v - max);
        return z[k] - max - Math.Log(sum);
    }
}
