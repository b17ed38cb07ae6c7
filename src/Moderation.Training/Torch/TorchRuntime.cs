using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>Process-wide TorchSharp (libtorch) settings.</summary>
public static class TorchRuntime
{
    private static int _configured;

    /// <summary>
    /// Sets libtorch's intra-op threads (<c>torch.set_num_threads</c>: the OpenMP pool that MKL and oneDNN use),
    /// process-wide. Results can differ in the last bits between thread counts (reduction order), not between runs with
    /// the same count.
    /// </summary>
    /// <param name="threads">Threads ≥ 1; the reference machine has 2 cores.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        set_num_threads(threads);
        Volatile.Write(ref _configured, 1);
    }

    /// <summary>Applies <c>SetThreads(Environment.ProcessorCount)</c> once unless threads were set explicitly.</summary>
    internal static void EnsureConfigured()
    {
        if (Interlocked.CompareExchange(ref _configured, 1, 0) == 0) set_num_threads(Environment.ProcessorCount);
    }

    /// <summary>libtorch's current intra-op thread count.</summary>
    public static int IntraOpThreads => get_num_threads();

    /// <summary>Seeds libtorch's global CPU generator (<c>torch.manual_seed</c>). Weight initialisation and z use
    /// their own seeded generators, so this only matters for anything else drawing from the global one.</summary>
    public static void ManualSeed(long seed) => manual_seed(seed);
}
