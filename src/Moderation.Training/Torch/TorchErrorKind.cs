namespace Moderation.Training.Torch;

/// <summary>Status codes of the native shim (<c>mt_status</c> in native/include/moderation_torch.h).</summary>
public enum TorchErrorKind
{
    /// <summary><c>MT_ERR_ARGUMENT</c>: a bad argument (buffer length, unknown tensor name, malformed spec).</summary>
    Argument = 1,
    /// <summary><c>MT_ERR_TORCH</c>: libtorch raised <c>c10::Error</c> (shape mismatch, unreadable archive).</summary>
    Torch = 2,
    /// <summary><c>MT_ERR_INTERNAL</c>: any other native exception.</summary>
    Internal = 3,
}
