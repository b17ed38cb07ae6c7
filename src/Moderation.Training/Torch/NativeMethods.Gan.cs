using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "mt_gan_create")]
    internal static partial int GanCreate(TorchModuleHandle generator, TorchModuleHandle discriminator,
        double learningRate, double beta1, double beta2, ulong seed, out TorchGanHandle gan);

    [LibraryImport(Library, EntryPoint = "mt_gan_free")]
    internal static partial void GanFree(nint gan);

    [LibraryImport(Library, EntryPoint = "mt_gan_step")]
    internal static unsafe partial int GanStep(TorchGanHandle gan, float* real, long batch, float realLabel,
        float* stats, int statsLength);
}
