using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "mt_set_threads")]
    internal static partial int SetThreads(int intraOpThreads, int blasThreads);

    [LibraryImport(Library, EntryPoint = "mt_get_threads")]
    internal static partial int GetThreads(out int intraOpThreads, out int blasThreads);

    [LibraryImport(Library, EntryPoint = "mt_manual_seed")]
    internal static partial int ManualSeed(ulong seed);

    [LibraryImport(Library, EntryPoint = "mt_blas_info")]
    internal static unsafe partial int BlasInfo(byte* config, int configCapacity, byte* sgemmLibrary, int libraryCapacity,
        out int parallelMode);
}
