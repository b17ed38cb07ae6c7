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
    public void SetThreadsIsVisibleInThreads()
    {
        int before = TorchRuntime.Threads;
        try
        {
            TorchRuntime.SetThreads(1);
            Assert.Equal(1, TorchRuntime.Threads);
        }
        finally
        {
            TorchRuntime.SetThreads(before);
        }
        Assert.Equal(before, TorchRuntime.Threads);
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.SetThreads(0));
    }
}
