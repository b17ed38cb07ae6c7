using System.Text;

namespace Moderation.Training.Torch;

/// <summary>Process-wide libtorch settings.</summary>
public static class TorchRuntime
{
    private static int _configured;

    /// <summary>
    /// Gives the process <paramref name="threads"/> threads for libtorch CPU work, all to OpenBLAS
    /// (<c>SetThreads(intraOpThreads: 1, blasThreads: threads)</c>): the DCGAN's convolutions spend their time in
    /// sgemm, and libtorch's own OpenMP pool adds little but spin-waits when other processes want the cores.
    /// Measured on the 2-core reference machine (DCGAN, batch 64, other helpers' builds running): (1,2) 140–270
    /// images/s, (1,1) 115–230, (2,1) 230–260 when the cores are free but 23–50 when they are not, (2,2, the libraries'
    /// own defaults) 10–107. See <see cref="SetThreads(int, int)"/>.
    /// </summary>
    /// <param name="threads">Threads ≥ 1; the reference machine has 2 cores.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static void SetThreads(int threads) => SetThreads(1, threads);

    /// <summary>
    /// Sets libtorch's intra-op (OpenMP) threads (<c>at::set_num_threads</c>) and OpenBLAS's threads
    /// (<c>openblas_set_num_threads</c>), process-wide. Keep one of them at 1: libtorch calls sgemm from inside its
    /// parallel regions and both pools spin-wait, so 2×2 threads on 2 cores trains the DCGAN about 3× slower than
    /// either alone. Results can differ in the last bits between settings (reduction order), never between runs
    /// with the same setting.
    /// </summary>
    /// <param name="intraOpThreads">libtorch intra-op threads ≥ 1.</param>
    /// <param name="blasThreads">OpenBLAS threads ≥ 1 (ignored when OpenBLAS is not loaded).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count &lt; 1.</exception>
    public static void SetThreads(int intraOpThreads, int blasThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blasThreads, 1);
        NativeMethods.VerifySuccess(NativeMethods.SetThreads(intraOpThreads, blasThreads));
        Volatile.Write(ref _configured, 1);
    }

    /// <summary>Applies <c>SetThreads(Environment.ProcessorCount)</c> once unless threads were set explicitly:
    /// libtorch's and OpenBLAS's own defaults (both = cores) are the slow 2×2 oversubscription.</summary>
    internal static void EnsureConfigured()
    {
        if (Interlocked.CompareExchange(ref _configured, 1, 0) == 0)
            NativeMethods.VerifySuccess(NativeMethods.SetThreads(1, Environment.ProcessorCount));
    }

    /// <summary>libtorch's current intra-op thread count.</summary>
    public static int IntraOpThreads
    {
        get
        {
            NativeMethods.VerifySuccess(NativeMethods.GetThreads(out int intraOp, out _));
            return intraOp;
        }
    }

    /// <summary>OpenBLAS's current thread count, or −1 when OpenBLAS is not loaded.</summary>
    public static int BlasThreads
    {
        get
        {
            NativeMethods.VerifySuccess(NativeMethods.GetThreads(out _, out int blas));
            return blas;
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
