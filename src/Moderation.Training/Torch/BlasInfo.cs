namespace Moderation.Training.Torch;

/// <summary>The BLAS behind libtorch's CPU matrix products (im2col convolutions, linear layers).</summary>
/// <param name="OpenBlasConfig">OpenBLAS's <c>openblas_get_config()</c>, e.g. <c>OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY
/// Haswell MAX_THREADS=64</c>; empty when OpenBLAS is not loaded.</param>
/// <param name="SgemmLibrary">Resolved path of the library defining <c>sgemm_</c> as libtorch sees it, e.g.
/// <c>/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3</c>; the reference BLAS
/// (<c>…/blas/libblas.so.3</c>) is about 4.6× slower for DCGAN training.</param>
/// <param name="ParallelMode">OpenBLAS's <c>openblas_get_parallel()</c>: 0 sequential, 1 pthreads
/// (libopenblas0-pthread), 2 OpenMP; −1 when OpenBLAS is not loaded.</param>
public sealed record BlasInfo(string OpenBlasConfig, string SgemmLibrary, int ParallelMode)
{
    /// <summary>True when sgemm comes from Debian's libopenblas0-pthread.</summary>
    public bool IsOpenBlasPthreads => ParallelMode == 1 && SgemmLibrary.Contains("openblas-pthread", StringComparison.Ordinal);
}
