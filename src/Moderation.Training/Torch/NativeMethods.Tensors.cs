using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "mt_module_tensor_count")]
    internal static partial int TensorCount(TorchModuleHandle module, out int count);

    [LibraryImport(Library, EntryPoint = "mt_module_tensor_info")]
    internal static unsafe partial int TensorInfo(TorchModuleHandle module, int index, byte* name, int nameCapacity,
        long* shape, int shapeCapacity, out int rank);

    [LibraryImport(Library, EntryPoint = "mt_module_tensor_read", StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int TensorRead(TorchModuleHandle module, string name, float* data, long length);

    [LibraryImport(Library, EntryPoint = "mt_module_tensor_write", StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int TensorWrite(TorchModuleHandle module, string name, float* data, long length);
}
