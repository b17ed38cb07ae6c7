using System.Runtime.InteropServices;

namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Keeps a SafeHandle from being released while its raw pointer is passed to native code
/// (<c>DangerousAddRef</c>/<c>DangerousRelease</c>); use with <c>using</c>.</summary>
internal readonly ref struct HandleLease
{
    private readonly SafeHandle owner;

    /// <summary>Leases <paramref name="owner"/>.</summary>
    /// <exception cref="ObjectDisposedException">The handle is closed.</exception>
    public HandleLease(SafeHandle owner)
    {
        var added = false;
        owner.DangerousAddRef(ref added);
        this.owner = owner;
        Pointer = owner.DangerousGetHandle();
    }

    /// <summary>The raw native pointer, valid until <see cref="Dispose"/>.</summary>
    public nint Pointer { get; }

    /// <summary>Ends the lease.</summary>
    public void Dispose() => owner.DangerousRelease();
}
