namespace Moderation.Training.Torch;

public sealed partial class TorchNetwork
{
    /// <summary>An independent copy: a new network of the same <see cref="Spec"/> holding this one's current parameters
    /// and buffers (BatchNorm running statistics included). Training either one leaves the other unchanged.</summary>
    /// <exception cref="TorchException">libtorch failed.</exception>
    public TorchNetwork Copy()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        var copy = Create(Spec, 0);
        try
        {
            copy.SetParameters(Parameters());
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }
}
