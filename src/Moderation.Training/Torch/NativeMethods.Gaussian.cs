using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "mt_gaussian_fit")]
    internal static unsafe partial int GaussianFit(float* samples, long count, long dimension, int rank, int iterations,
        ulong seed, float* mean, float* components, float* variances, double* summary);
}
