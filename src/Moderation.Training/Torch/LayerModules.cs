using Moderation.Core.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>The TorchSharp module of each <see cref="LayerSpec"/>: Conv2d → <c>nn.Conv2d</c>, ConvTranspose2d →
/// <c>nn.ConvTranspose2d</c>, BatchNorm2d → <c>nn.BatchNorm2d</c>, activations → <c>nn.ReLU</c>/<see cref="LeakyReluModule"/>/
/// <c>nn.Tanh</c>/<c>nn.Sigmoid</c>, Flatten → <c>nn.Flatten</c>, Unflatten → <c>nn.Unflatten(1, [C,H,W])</c>, Linear →
/// <c>nn.Linear</c>, Upsample → <see cref="InterpolateModule"/>, PixelShuffle → <c>nn.PixelShuffle</c>. Parameter layouts are PyTorch's, which the ONNX exporter writes unchanged.</summary>
internal static class LayerModules
{
    /// <exception cref="NotSupportedException">A layer type without a mapping.</exception>
    public static nn.Module<Tensor, Tensor> Create(LayerSpec layer) => layer switch
    {
        Conv2dSpec c => nn.Conv2d(c.InChannels, c.OutChannels, c.Kernel, stride: c.Stride, padding: c.Padding, bias: c.Bias),
        ConvTranspose2dSpec t => nn.ConvTranspose2d(t.InChannels, t.OutChannels, t.Kernel, stride: t.Stride, padding: t.Padding, bias: t.Bias),
        BatchNorm2dSpec b => nn.BatchNorm2d(b.Features, eps: b.Epsilon, momentum: b.Momentum),
        ActivationSpec { Kind: ActivationKind.Relu } => nn.ReLU(),
        ActivationSpec { Kind: ActivationKind.LeakyRelu } a => new LeakyReluModule(a.NegativeSlope),
        ActivationSpec { Kind: ActivationKind.Tanh } => nn.Tanh(),
        ActivationSpec { Kind: ActivationKind.Sigmoid } => nn.Sigmoid(),
        FlattenSpec => nn.Flatten(),
        UnflattenSpec u => nn.Unflatten(1, [u.Channels, u.Height, u.Width]),
        LinearSpec l => nn.Linear(l.In, l.Out, hasBias: l.Bias),
        UpsampleSpec u => new InterpolateModule(u),
        PixelShuffleSpec p => nn.PixelShuffle(p.Factor),
        _ => throw new NotSupportedException($"layer {layer.GetType().Name} has no TorchSharp mapping"),
    };
}
