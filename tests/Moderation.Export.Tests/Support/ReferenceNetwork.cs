using Moderation.Core.Networks;

namespace Moderation.Export.Tests.Support;

/// <summary>
/// A plain C# forward pass in double precision, written from the PyTorch layer definitions (not from ONNX), used as
/// the independent oracle for the exported graphs. Works on one item at a time, row-major [C,H,W] or [F].
/// </summary>
public static class ReferenceNetwork
{
    /// <summary>Output of every layer for one item; element i is layer i's output.</summary>
    public static List<double[]> Forward(NetworkSpec spec, IReadOnlyDictionary<string, NamedTensor> p, ReadOnlySpan<float> item)
    {
        var x = item.ToArray().Select(v => (double)v).ToArray();
        var shape = spec.InputShape;
        var outputs = new List<double[]>();
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var next = layer.OutputShape(shape);
            x = layer switch
            {
                Conv2dSpec c => Conv(x, shape, next, W(p, i), c.Bias ? B(p, i) : null, c.Kernel, c.Stride, c.Padding),
                ConvTranspose2dSpec t => ConvTranspose(x, shape, next, W(p, i), t.Bias ? B(p, i) : null, t.Kernel, t.Stride, t.Padding),
                BatchNorm2dSpec b => BatchNorm(x, shape, p, i, b.Epsilon),
                ActivationSpec a => x.Select(v => Activate(a, v)).ToArray(),
                LinearSpec l => Linear(x, W(p, i), l.Bias ? B(p, i) : null, l.In, l.Out),
                FlattenSpec or UnflattenSpec => x,
                _ => throw new NotSupportedException(layer.ToString()),
            };
            shape = next;
            outputs.Add(x);
        }
        return outputs;
    }

    private static float[] W(IReadOnlyDictionary<string, NamedTensor> p, int i) => p[$"{i}.weight"].Data;
    private static float[] B(IReadOnlyDictionary<string, NamedTensor> p, int i) => p[$"{i}.bias"].Data;

    private static double Activate(ActivationSpec a, double v) => a.Kind switch
    {
        ActivationKind.Relu => Math.Max(0, v),
        ActivationKind.LeakyRelu => v >= 0 ? v : a.NegativeSlope * v,
        ActivationKind.Tanh => Math.Tanh(v),
        ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-v)),
        _ => throw new NotSupportedException(),
    };

    /// <summary>y[o,r,c] = b[o] + Σ x[i, r·s − p + u, c·s − p + v] · w[o,i,u,v] (zero outside x).</summary>
    private static double[] Conv(double[] x, int[] inShape, int[] outShape, float[] w, float[]? b, int k, int s, int pad)
    {
        int cin = inShape[0], h = inShape[1], wd = inShape[2], cout = outShape[0], oh = outShape[1], ow = outShape[2];
        var y = new double[cout * oh * ow];
        for (var o = 0; o < cout; o++)
        for (var r = 0; r < oh; r++)
        for (var c = 0; c < ow; c++)
        {
            double sum = b?[o] ?? 0;
            for (var i = 0; i < cin; i++)
            for (var u = 0; u < k; u++)
            for (var v = 0; v < k; v++)
            {
                int yy = r * s - pad + u, xx = c * s - pad + v;
                if (yy < 0 || yy >= h || xx < 0 || xx >= wd) continue;
                sum += x[(i * h + yy) * wd + xx] * w[((o * cin + i) * k + u) * k + v];
            }
            y[(o * oh + r) * ow + c] = sum;
        }
        return y;
    }

    /// <summary>Scatter form: each x[i,r,c] adds x·w[i,o,u,v] at (r·s − p + u, c·s − p + v) when inside the output.</summary>
    private static double[] ConvTranspose(double[] x, int[] inShape, int[] outShape, float[] w, float[]? b, int k, int s, int pad)
    {
        int cin = inShape[0], h = inShape[1], wd = inShape[2], cout = outShape[0], oh = outShape[1], ow = outShape[2];
        var y = new double[cout * oh * ow];
        for (var o = 0; o < cout; o++)
            for (var q = 0; q < oh * ow; q++) y[o * oh * ow + q] = b?[o] ?? 0;
        for (var i = 0; i < cin; i++)
        for (var r = 0; r < h; r++)
        for (var c = 0; c < wd; c++)
        for (var o = 0; o < cout; o++)
        for (var u = 0; u < k; u++)
        for (var v = 0; v < k; v++)
        {
            int yy = r * s - pad + u, xx = c * s - pad + v;
            if (yy < 0 || yy >= oh || xx < 0 || xx >= ow) continue;
            y[(o * oh + yy) * ow + xx] += x[(i * h + r) * wd + c] * w[((i * cout + o) * k + u) * k + v];
        }
        return y;
    }

    /// <summary>y = γ (x − running_mean) / √(running_var + ε) + β per channel.</summary>
    private static double[] BatchNorm(double[] x, int[] shape, IReadOnlyDictionary<string, NamedTensor> p, int i, double eps)
    {
        var plane = shape[1] * shape[2];
        var y = new double[x.Length];
        for (var ch = 0; ch < shape[0]; ch++)
        {
            double g = p[$"{i}.weight"].Data[ch], be = p[$"{i}.bias"].Data[ch];
            double m = p[$"{i}.running_mean"].Data[ch], v = p[$"{i}.running_var"].Data[ch];
            for (var q = 0; q < plane; q++) y[ch * plane + q] = g * (x[ch * plane + q] - m) / Math.Sqrt(v + eps) + be;
        }
        return y;
    }

    /// <summary>y = x·Wᵀ + b.</summary>
    private static double[] Linear(double[] x, float[] w, float[]? b, int inF, int outF)
    {
        var y = new double[outF];
        for (var o = 0; o < outF; o++)
        {
            double sum = b?[o] ?? 0;
            for (var i = 0; i < inF; i++) sum += x[i] * w[o * inF + i];
            y[o] = sum;
        }
        return y;
    }
}
