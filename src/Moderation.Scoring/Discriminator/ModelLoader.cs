using Microsoft.Extensions.Logging;
using Moderation.Scoring.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Moderation.Scoring.Discriminator;

/// <summary>Loads a <see cref="DiscriminatorScorer"/> from a model folder through one resilience pipeline, built once:
/// retry with jitter (only I/O errors other than a missing file, and timeouts) plus a per-attempt timeout.</summary>
internal sealed class ModelLoader
{
    private readonly ResiliencePipeline _pipeline;
    private readonly OnnxSessionOptions _session;
    private readonly ILogger _logger;

    public ModelLoader(ModelOptions model, OnnxSessionOptions session, ILogger logger)
    {
        _session = session;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<IOException>(e => e is not FileNotFoundException and not DirectoryNotFoundException)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = model.LoadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddTimeout(TimeSpan.FromMilliseconds(model.LoadTimeoutMs))
            .Build();
    }

    /// <summary>Loads and verifies the model in <paramref name="folder"/> (see <see cref="DiscriminatorScorer"/>'s
    /// constructor for what it checks and throws).</summary>
    public DiscriminatorScorer Load(string folder)
    {
        var path = Path.GetFullPath(folder);
        // ONNX Runtime's session creation takes no cancellation token, so the timeout abandons the wait (WaitAsync).
        return _pipeline.ExecuteAsync(
                async token => await Task.Run(() => new DiscriminatorScorer(path, _session, _logger), token).WaitAsync(token),
                CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();
    }
}
