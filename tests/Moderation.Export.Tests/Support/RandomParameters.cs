using Moderation.Core.Networks;

namespace Moderation.Export.Tests.Support;

/// <summary>Seeded random parameters for every layer of a spec, named as libtorch's Sequential names them.</summary>
public static class RandomParameters
{
    public static Dictionary<string, NamedTensor> For(NetworkSpec spec, int seed)
    {
        var random = new Random(seed);
        var result = new Dictionary<string, NamedTensor>();
        void Add(int i, string suffix, int[] shape, double low, double high)
        {
            var name = $"{i}.{suffix}";
            var data = new float[shape.Aggregate(1, (a, b) => a * b)];
            for (var k = 0; k < data.Length; k++) data[k] = (float)(low + (high - low) * random.NextDouble());
            result[name] = new NamedTensor(name, shape, data);
        }
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            switch (spec.Layers[i])
            {
                case Conv2dSpec c:
                    var bound = 1 / Math.Sqrt(c.InChannels * c.Kernel * c.Kernel);
                    Add(i, "weight", [c.OutChannels, c.InChannels, c.Kernel, c.Kernel], -bound, bound);
                    if (c.Bias) Add(i, "bias", [c.OutChannels], -bound, bound);
                    break;
                case ConvTranspose2dSpec t:
                    var tb = 1 / Math.Sqrt(t.OutChannels * t.Kernel * t.Kernel);
                    Add(i, "weight", [t.InChannels, t.OutChannels, t.Kernel, t.Kernel], -tb, tb);
                    if (t.Bias) Add(i, "bias", [t.OutChannels], -tb, tb);
                    break;
                case BatchNorm2dSpec b:
                    Add(i, "weight", [b.Features], 0.5, 1.5);
                    Add(i, "bias", [b.Features], -0.2, 0.2);
                    Add(i, "running_mean", [b.Features], -0.2, 0.2);
                    Add(i, "running_var", [b.Features], 0.5, 1.5);
                    break;
                case LinearSpec l:
                    var lb = 1 / Math.Sqrt(l.In);
                    Add(i, "weight", [l.Out, l.In], -lb, lb);
                    if (l.Bias) Add(i, "bias", [l.Out], -lb, lb);
                    break;
            }
        }
        return result;
    }

    /// <summary>Uniform values in [low, high).</summary>
    public static float[] Uniform(int count, int seed, float low = -1, float high = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => low + (high - low) * random.NextSingle()).ToArray();
    }
}
