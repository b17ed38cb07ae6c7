using System.Text;

namespace Moderation.Training.Torch;

/// <summary>Process-wide libtorch settings.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Sets libtorch's intra-op threads (<c>at::set_num_threads</c>) and OpenBLAS's threads
    /// (<c>openblas_set_num_threads</c>). Affects every network in the process. Results can differ in the last bits
    /// between thread counts (reduction order), never between runs with the same count.
    /// </summary>
    /// <param name="threads">Threads ≥ 1; the reference machine has 2 cores.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        NativeMethods.VerifySuccess(NativeMethods.SetThreads(threads));
    }

    /// <summary>libtorch's current intra-op thread count.</summary>
    public static int Threads
    {
        get
        {
            NativeMethods.VerifySuccess(NativeMethods.GetThreads(out int threads));
            return threads;
        }
    }

    /// <summary>Seeds libtorch's global CPU generator (<c>torch::manual_seed</c>). The shim's own randomness
    /// (weight initialisation, z) uses per-object generators seeded explicitly, so this only matters for anything
    /// else drawing from the global generator.</summary>
    public static void ManualSeed(long seed) => NativeMethods.VerifySuccess(NativeMethods.ManualSeed(unchecked((ulong)seed)));

    /// <summary>Which BLAS libtorch really calls (resolved through <c>libblas.so.3</c> and the Debian alternatives).</summary>
    public static unsafe BlasInfo Blas
    {
        get
        {
            Span<byte> config = stackalloc byte[512];
            Span<byte> library = stackalloc byte[1024];
            int mode;
            fixed (byte* pConfig = config)
            fixed (byte* pLibrary = library)
            {
                NativeMethods.VerifySuccess(NativeMethods.BlasInfo(pConfig, config.Length, pLibrary, library.Length, out mode));
            }
            return new BlasInfo(Utf8(config), Utf8(library), mode);
        }
    }

    private static string Utf8(ReadOnlySpan<byte> nulTerminated)
    {
        int end = nulTerminated.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? nulTerminated : nulTerminated[..end]);
    }
}
