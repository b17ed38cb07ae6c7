using Moderation.Training.Torch;
using static TorchSharp.torch;

namespace Moderation.Training.Tests.Torch;

/// <summary>The LeakyReLU that keeps its slope alive: the formula, and forwards while another thread forces garbage
/// collections (TorchSharp's own module failed 21 of 46,930 such forwards, about one in 2,200).</summary>
public sealed class LeakyReluModuleTests
{
    [Fact]
    public void Negative_inputs_are_scaled_by_the_slope_and_positive_ones_pass()
    {
        using var module = new LeakyReluModule(0.2);
        using var x = tensor(new[] { -2f, -0.5f, 0f, 0.5f, 3f });
        using var y = module.call(x);
        Assert.Equal([-0.4f, -0.1f, 0f, 0.5f, 3f], y.data<float>().ToArray());
    }

    [Fact]
    public void Forwards_survive_concurrent_garbage_collections()
    {
        using var module = new LeakyReluModule(0.2);
        using var x = randn(64, 64, 14, 14);
        bool stop = false;
        var collector = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        var failures = new List<string>();
        try
        {
            for (int i = 0; i < 10_000; i++)
            {
                try
                {
                    using var y = module.call(x);
                }
                catch (System.Runtime.InteropServices.ExternalException e)
                {
                    failures.Add(e.Message.Split('\n')[0]);
                }
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            collector.Join();
        }
        Assert.Empty(failures);
    }
}
