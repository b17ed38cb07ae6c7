using Moderation.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Tests.Torch;

public sealed class TorchRuntimeTests
{
    /// <summary>TorchSharp's native glue loads (on Debian 12 only with the patch of scripts/torchsharp/) and libtorch
    /// computes a forward pass and its gradient: d/dw Σ(x·w)² = 2·x·(x·w), checked by hand.</summary>
    [Fact]
    public void TorchSharpLoadsAndRunsAForwardAndABackwardPass()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3 });
        var w = tensor(new float[] { 0.5f, -1, 2 }).requires_grad_(true);
        var y = (x * w).pow(2).sum();
        y.backward();
        Assert.Equal(0.25f + 4 + 36, y.item<float>(), 1e-5f);
        Assert.Equal(new[] { 1f, -8, 36 }, w.grad!.data<float>().ToArray());
        Assert.StartsWith("2.10", __version__);
    }

    [Fact]
    public void TheGluePatchIsUsedExactlyWhenTheSystemLibstdcxxLacksGlibcxx3432()
    {
        var glue = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        bool patched = File.Exists(Path.Combine(glue, "libmoderation_ios_init.so"));
        var libstdcxx = File.ReadAllBytes(Directory.EnumerateFiles("/usr/lib/x86_64-linux-gnu", "libstdc++.so.6.*").First());
        bool hasSymbolVersion = System.Text.Encoding.ASCII.GetString(libstdcxx).Contains("GLIBCXX_3.4.32", StringComparison.Ordinal);
        Assert.Equal(!hasSymbolVersion, patched);
    }

    [Fact]
    public void ThreadCountReachesLibtorch()
    {
        int before = TorchRuntime.IntraOpThreads;
        try
        {
            TorchRuntime.SetThreads(1);
            Assert.Equal(1, TorchRuntime.IntraOpThreads);
            TorchRuntime.SetThreads(2);
            Assert.Equal(2, TorchRuntime.IntraOpThreads);
        }
        finally
        {
            TorchRuntime.SetThreads(before);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.SetThreads(0));
    }
}
