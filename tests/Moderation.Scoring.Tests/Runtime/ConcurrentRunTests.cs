using Microsoft.Extensions.Logging.Testing;
using Moderation.Scoring.Runtime;
using Moderation.Scoring.Tests.Support;

namespace Moderation.Scoring.Tests.Runtime;

public class ConcurrentRunTests
{
    [Fact]
    public async Task One_session_serves_concurrent_runs_with_the_same_results_as_sequential_ones()
    {
        using var session = new OnnxModelSession(TestModels.Discriminator, TestModels.Cpu(), new FakeLogger());
        var batches = Enumerable.Range(0, 8).Select(i => TestModels.Images(i % 3 + 1, seed: 100 + i)).ToArray();
        float[] Score(float[] b)
        {
            var scores = new float[b.Length / 784];
            session.Run(b, scores.Length, ["anomaly_score"], scores);
            return scores;
        }

        var sequential = batches.Select(Score).ToArray();
        var concurrent = await Task.WhenAll(batches.Select(b => Task.Run(() => Score(b))));

        for (var i = 0; i < batches.Length; i++) Assert.Equal(sequential[i], concurrent[i]);
    }
}
