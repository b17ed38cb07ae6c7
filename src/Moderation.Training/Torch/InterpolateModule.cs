using Moderation.Core.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>The TorchSharp side of <see cref="UpsampleSpec"/>: <c>functional.interpolate</c> by the spec's scale,
/// nearest or bilinear (<c>align_corners: false</c>). <c>functional.interpolate</c> rather than <c>nn.Upsample</c>:
/// ../shared/README.md records NaN input gradients from <c>nn.Upsample</c> on the reference machine, none from
/// <c>functional.interpolate</c>.</summary>
internal sealed class InterpolateModule : nn.Module<Tensor, Tensor>
{
    private readonly double _scale;
    private readonly InterpolationMode _mode;

    public InterpolateModule(UpsampleSpec spec) : base("interpolate")
    {
        _scale = spec.Scale;
        _mode = spec.Mode == Moderation.Core.Networks.UpsampleMode.Nearest ? InterpolationMode.Nearest : InterpolationMode.Bilinear;
    }

    /// <summary><c>[N,C,H,W] → [N,C,s·H,s·W]</c>.</summary>
    public override Tensor forward(Tensor input) => nn.functional.interpolate(input, scale_factor: [_scale, _scale], mode: _mode,
        align_corners: _mode == InterpolationMode.Nearest ? null : false);
}
