using Moderation.Core.Networks;
using Moderation.Export.Tests.Support;
using static Moderation.Export.Tests.Support.Sessions;

namespace Moderation.Export.Tests;

/// <summary>Each layer record's ONNX mapping on tiny inputs whose outputs were worked out by hand.</summary>
public class OpMappingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private NamedTensor RunOne(NetworkSpec spec, Dictionary<string, NamedTensor> parameters, float[] input, int batch = 1)
    {
        using var session = ExportAndOpen(folder, spec, parameters);
        return session.Run(input, batch).Single();
    }

    [Fact]
    public void Conv_with_bias_on_a_3x3_ramp()
    {
        // x = [[1,2,3],[4,5,6],[7,8,9]], w = [[1,2],[3,4]], b = 0.5; e.g. y[0,0] = 1·1 + 2·2 + 4·3 + 5·4 + 0.5 = 37.5
        var spec = new NetworkSpec("conv", [1, 3, 3], [new Conv2dSpec(1, 1, 2, 1, 0, Bias: true)]);
        var y = RunOne(spec, new() { ["0.weight"] = Param("0.weight", [1, 1, 2, 2], 1, 2, 3, 4), ["0.bias"] = Param("0.bias", [1], 0.5f) },
            [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal([1, 1, 2, 2], y.Shape);
        Assert.Equal([37.5f, 47.5f, 67.5f, 77.5f], y.Data);
    }

    [Fact]
    public void Conv_stride_2_padding_1_sums_the_windows_of_the_zero_padded_input()
    {
        // ones kernel 2×2 over the 5×5 zero-padded ramp at rows/cols {0,2}: [[1, 2+3], [4+7, 5+6+8+9]]
        var spec = new NetworkSpec("conv", [1, 3, 3], [new Conv2dSpec(1, 1, 2, 2, 1, Bias: false)]);
        var y = RunOne(spec, new() { ["0.weight"] = Param("0.weight", [1, 1, 2, 2], 1, 1, 1, 1) }, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal([1, 1, 2, 2], y.Shape);
        Assert.Equal([1f, 5, 11, 28], y.Data);
    }

    [Fact]
    public void ConvTranspose_stride_2_pastes_a_scaled_kernel_per_input_pixel()
    {
        var spec = new NetworkSpec("convt", [1, 2, 2], [new ConvTranspose2dSpec(1, 1, 2, 2, 0, Bias: false)]);
        var y = RunOne(spec, new() { ["0.weight"] = Param("0.weight", [1, 1, 2, 2], 1, 10, 100, 1000) }, [1, 2, 3, 4]);
        Assert.Equal([1, 1, 4, 4], y.Shape);
        Assert.Equal([1f, 10, 2, 20, 100, 1000, 200, 2000, 3, 30, 4, 40, 300, 3000, 400, 4000], y.Data);
    }

    [Fact]
    public void ConvTranspose_padding_crops_the_full_output()
    {
        // full 5×5 output of ones-kernel 3×3 stride 2 over [[1,2],[3,4]], cropped by 1 on each side
        var spec = new NetworkSpec("convt", [1, 2, 2], [new ConvTranspose2dSpec(1, 1, 3, 2, 1, Bias: true)]);
        var y = RunOne(spec, new()
        {
            ["0.weight"] = Param("0.weight", [1, 1, 3, 3], 1, 1, 1, 1, 1, 1, 1, 1, 1),
            ["0.bias"] = Param("0.bias", [1], -1),
        }, [1, 2, 3, 4]);
        Assert.Equal([1, 1, 3, 3], y.Shape);
        Assert.Equal([0f, 2, 1, 3, 9, 5, 2, 6, 3], y.Data);
    }

    [Fact]
    public void BatchNorm_uses_running_statistics_gamma_and_beta()
    {
        // y = γ (x − μ)/√(σ² + ε) + β with ε = 0: ch0 2·(3 − 1)/2 + 0.5 = 2.5; ch1 1·(−1 − 1)/0.5 + 0 = −4
        var spec = new NetworkSpec("bn", [2, 1, 1], [new BatchNorm2dSpec(2, Epsilon: 0)]);
        var y = RunOne(spec, new()
        {
            ["0.weight"] = Param("0.weight", [2], 2, 1),
            ["0.bias"] = Param("0.bias", [2], 0.5f, 0),
            ["0.running_mean"] = Param("0.running_mean", [2], 1, 1),
            ["0.running_var"] = Param("0.running_var", [2], 4, 0.25f),
        }, [3, -1]);
        Assert.Equal([2.5f, -4f], y.Data);
    }

    [Fact]
    public void BatchNorm_epsilon_is_added_to_the_variance()
    {
        // σ² = 0, ε = 0.25: (1 − 0)/√0.25 = 2
        var spec = new NetworkSpec("bn", [1, 1, 1], [new BatchNorm2dSpec(1, Epsilon: 0.25)]);
        var y = RunOne(spec, new()
        {
            ["0.weight"] = Param("0.weight", [1], 1), ["0.bias"] = Param("0.bias", [1], 0),
            ["0.running_mean"] = Param("0.running_mean", [1], 0), ["0.running_var"] = Param("0.running_var", [1], 0),
        }, [1]);
        Assert.Equal(2f, y.Data[0], 6);
    }

    [Theory]
    [InlineData(ActivationKind.LeakyRelu, 0.2, new[] { -1f, -0.1f, 0f, 3f })]
    [InlineData(ActivationKind.LeakyRelu, 0.01, new[] { -0.05f, -0.005f, 0f, 3f })]
    [InlineData(ActivationKind.Relu, 0.0, new[] { 0f, 0f, 0f, 3f })]
    public void Piecewise_linear_activations(ActivationKind kind, double slope, float[] expected)
    {
        var y = RunOne(new NetworkSpec("act", [4], [new ActivationSpec(kind, slope)]), [], [-5, -0.5f, 0, 3]);
        Assert.Equal(expected.Length, y.Data.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], y.Data[i], 6);
    }

    [Fact]
    public void Tanh_and_sigmoid_hit_their_known_points()
    {
        var tanh = RunOne(new NetworkSpec("tanh", [3], [new ActivationSpec(ActivationKind.Tanh)]), [], [0, 1, -20]);
        Assert.Equal(0f, tanh.Data[0], 6);
        Assert.Equal(0.761594f, tanh.Data[1], 6); // (e² − 1)/(e² + 1)
        Assert.Equal(-1f, tanh.Data[2], 6);
        var sigmoid = RunOne(new NetworkSpec("sigmoid", [3], [new ActivationSpec(ActivationKind.Sigmoid)]), [], [0, MathF.Log(3), -MathF.Log(3)]);
        Assert.Equal(0.5f, sigmoid.Data[0], 6);
        Assert.Equal(0.75f, sigmoid.Data[1], 6); // 1/(1 + 1/3)
        Assert.Equal(0.25f, sigmoid.Data[2], 6);
    }

    [Fact]
    public void Linear_is_x_times_W_transposed_plus_b_per_batch_row()
    {
        // W = [[1,2],[3,4],[5,6]], b = [0.5,−1,0]; x1 = [1,−1] → [−0.5,−2,−1]; x2 = [2,0] → [2.5,5,10]
        var spec = new NetworkSpec("linear", [2], [new LinearSpec(2, 3, Bias: true)]);
        var y = RunOne(spec, new()
        {
            ["0.weight"] = Param("0.weight", [3, 2], 1, 2, 3, 4, 5, 6),
            ["0.bias"] = Param("0.bias", [3], 0.5f, -1, 0),
        }, [1, -1, 2, 0], batch: 2);
        Assert.Equal([2, 3], y.Shape);
        Assert.Equal([-0.5f, -2, -1, 2.5f, 5, 10], y.Data);
    }

    [Fact]
    public void Unflatten_reshapes_and_flatten_restores_row_major_order()
    {
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var unflat = RunOne(new NetworkSpec("unflatten", [6], [new UnflattenSpec(1, 2, 3)]), [], x, batch: 2);
        Assert.Equal([2, 1, 2, 3], unflat.Shape);
        Assert.Equal(x, unflat.Data);
        var roundTrip = RunOne(new NetworkSpec("roundtrip", [6], [new UnflattenSpec(2, 3, 1), new FlattenSpec()]), [], x, batch: 2);
        Assert.Equal([2, 6], roundTrip.Shape);
        Assert.Equal(x, roundTrip.Data);
    }

    [Fact]
    public void Nearest_upsample_copies_each_pixel_into_a_2x2_block()
    {
        var y = RunOne(new NetworkSpec("nearest", [1, 2, 2], [new UpsampleSpec(2, UpsampleMode.Nearest)]), [], [1, 2, 3, 4]);
        Assert.Equal([1, 1, 4, 4], y.Shape);
        Assert.Equal([1f, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], y.Data);
    }

    [Fact]
    public void Bilinear_upsample_uses_half_pixel_centres_and_clamps_at_the_border()
    {
        // PyTorch align_corners=False: source coordinate (dst + 0.5)/2 − 0.5 → −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        var y = RunOne(new NetworkSpec("bilinear", [1, 2, 2], [new UpsampleSpec(2, UpsampleMode.Bilinear)]), [], [1, 2, 3, 4]);
        Assert.Equal([1, 1, 4, 4], y.Shape);
        Assert.Equal([1f, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4], y.Data);
    }

    [Fact]
    public void Pixel_shuffle_orders_channels_as_pytorch_does()
    {
        // out(0, 2h+i, 2w+j) = in(2i+j, h, w): channels [1,2], [3,4], [5,6], [7,8] of a 1×2 map
        var y = RunOne(new NetworkSpec("shuffle", [4, 1, 2], [new PixelShuffleSpec(2)]), [], [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal([1, 1, 2, 4], y.Shape);
        Assert.Equal([1f, 3, 2, 4, 5, 7, 6, 8], y.Data);
    }
}
