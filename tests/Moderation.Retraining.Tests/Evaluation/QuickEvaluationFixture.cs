using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Retraining.Evaluation;
using Moderation.Training.Data;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests.Evaluation;

/// <summary>Runs the <c>evaluate --quick</c> protocol once (Trouser; <see cref="OneClassEvaluationOptions.Quick"/>)
/// through the evaluation job: GAN training, term fitting, synthetic fine-tuning, ONNX export and ONNX Runtime scoring.</summary>
public sealed class QuickEvaluationFixture : IDisposable
{
    private readonly TempFolder work = new();

    public QuickEvaluationFixture()
    {
        TorchRuntime.SetThreads(1);
        var test = FashionMnist.LoadTest();
        Run = new OneClassEvaluationJob(NullLogger.Instance).ScoreClass(Options, 1, test, test.ToTensor(), work.Path, null, CancellationToken.None);
    }

    /// <summary>The options used.</summary>
    public OneClassEvaluationOptions Options { get; } = OneClassEvaluationOptions.Quick;

    /// <summary>The class's scores.</summary>
    public OneClassRun Run { get; }

    public void Dispose() => work.Dispose();
}
