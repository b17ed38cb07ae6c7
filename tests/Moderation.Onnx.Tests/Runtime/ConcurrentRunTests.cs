using Moderation.Core.Networks;
using Moderation.Onnx.Export;
using Moderation.Onnx.Tests.Support;

namespace Moderation.Onnx.Tests.Runtime;

public class ConcurrentRunTests
{
    [Fact]
    public async Task One_session_serves_concurrent_runs_with_the_same_results_as_sequential_ones()
    {
        using var folder = new TempFolder();
        var spec = DcganSpecs.Discriminator(width: 8);
        using var session = Sessions.ExportAndOpen(folder, spec, RandomParameters.For(spec, 2));
        var batches = Enumerable.Range(0, 8).Select(i => RandomParameters.Uniform((i % 3 + 1) * 784, seed: 100 + i)).ToArray();
        var sequential = batches.Select(b => session.Run(b, b.Length / 784, [OnnxTensorNames.Logit]).Single().Data).ToArray();

        var concurrent = await Task.WhenAll(batches.Select(b =>
            Task.Run(() => session.Run(b, b.Length / 784, [OnnxTensorNames.Logit]).Single().Data)));

        for (var i = 0; i < batches.Length; i++) Assert.Equal(sequential[i], concurrent[i]);
    }
}
