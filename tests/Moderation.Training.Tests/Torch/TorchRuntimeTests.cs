using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void LibtorchCallsOpenBlasFromLibopenblas0Pthread()
    {
        var blas = TorchRuntime.Blas;
        Assert.StartsWith("OpenBLAS", blas.OpenBlasConfig);
        Assert.Contains("/openblas-pthread/", blas.SgemmLibrary);
        Assert.Equal(1, blas.ParallelMode);
        Assert.True(blas.IsOpenBlasPthreads);
    }

    [Fact]
    public void ThreadCountsReachLibtorchAndOpenBlas()
    {
        var (intraOp, blas) = (TorchRuntime.IntraOpThreads, TorchRuntime.BlasThreads);
        try
        {
            TorchRuntime.SetThreads(2, 1);
            Assert.Equal((2, 1), (TorchRuntime.IntraOpThreads, TorchRuntime.BlasThreads));
            TorchRuntime.SetThreads(2);
            Assert.Equal((1, 2), (TorchRuntime.IntraOpThreads, TorchRuntime.BlasThreads));
        }
        finally
        {
            TorchRuntime.SetThreads(intraOp, blas);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.SetThreads(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.SetThreads(1, 0));
    }
}
