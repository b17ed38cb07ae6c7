using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "mt_module_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModuleCreate(string spec, ulong seed, out TorchModuleHandle module);

    [LibraryImport(Library, EntryPoint = "mt_module_free")]
    internal static partial void ModuleFree(nint module);

    [LibraryImport(Library, EntryPoint = "mt_module_layer_count")]
    internal static partial int ModuleLayerCount(TorchModuleHandle module, out int count);

    [LibraryImport(Library, EntryPoint = "mt_module_layer_numel")]
    internal static partial int ModuleLayerNumel(TorchModuleHandle module, int index, out long numel);

    [LibraryImport(Library, EntryPoint = "mt_module_forward")]
    internal static unsafe partial int ModuleForward(TorchModuleHandle module, float* input, long batch, int train,
        float* output, long outputLength, int tapLayer, float* tap, long tapLength);

    [LibraryImport(Library, EntryPoint = "mt_module_sample")]
    internal static unsafe partial int ModuleSample(TorchModuleHandle module, long count, ulong seed,
        float* output, long outputLength, float* z, long zLength);

    [LibraryImport(Library, EntryPoint = "mt_module_save", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModuleSave(TorchModuleHandle module, string path);

    [LibraryImport(Library, EntryPoint = "mt_module_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModuleLoad(TorchModuleHandle module, string path);
}
