using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>
/// LeakyReLU, max(0, x) + slope·min(0, x), with the slope held as one <see cref="Scalar"/> for the module's life.
/// TorchSharp 0.107's <c>nn.LeakyReLU</c> converts its slope (a double) into a temporary Scalar on every call and passes
/// only the native handle to libtorch, so the garbage collector may finalize that Scalar while libtorch still reads it:
/// with a thread forcing collections, 21 of 46,930 forwards failed with c10's "Expected false to be true" from
/// <c>Scalar::toFloat</c>, the error that twice stopped a retraining job on a loaded 2-core machine.
/// </summary>
internal sealed class LeakyReluModule : nn.Module<Tensor, Tensor>
{
    private readonly Scalar _slope;

    /// <param name="negativeSlope">The slope for x &lt; 0, e.g. 0.2 (DCGAN's discriminator).</param>
    public LeakyReluModule(double negativeSlope) : base("LeakyReLU") => _slope = negativeSlope.ToScalar();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var output = input.leaky_relu(_slope);
        GC.KeepAlive(_slope);
        return output;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _slope.Dispose();
        base.Dispose(disposing);
    }
}
