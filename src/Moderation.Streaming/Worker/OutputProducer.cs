using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Diagnostics;
using Polly;

namespace Moderation.Streaming.Worker;

/// <summary>The worker's idempotent producer; every produce goes through the produce pipeline and completes on the
/// delivery report.</summary>
internal sealed class OutputProducer : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly ResiliencePipeline _pipeline;
    private readonly StreamingMetrics _metrics;
    private readonly ILogger _logger;

    /// <param name="config">An idempotent, acks=all configuration.</param>
    /// <param name="pipeline">The produce pipeline (retry + timeout).</param>
    /// <param name="metrics">Counts librdkafka's message timeouts (the pipeline counts its own).</param>
    /// <param name="onFatal">Called on librdkafka's thread when the producer reports a fatal error.</param>
    /// <param name="logger">Receives non-fatal client errors.</param>
    public OutputProducer(ProducerConfig config, ResiliencePipeline pipeline, StreamingMetrics metrics, Action<Error> onFatal, ILogger logger)
    {
        (_pipeline, _metrics, _logger) = (pipeline, metrics, logger);
        _producer = KafkaClients.Producer(config, logger)
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    onFatal(error);
                }
                else
                {
                    WorkerLog.ClientError(logger, error.Code.ToString(), error.Reason);
                }
            })
            .Build();
    }

    /// <summary>Fetches the metadata of <paramref name="topics"/> (see <see cref="ProducerWarmUp"/>).</summary>
    public void WarmUp(IEnumerable<string> topics, TimeSpan timeout) => ProducerWarmUp.FetchMetadata(_producer.Handle, topics, timeout, _logger);

    /// <summary>Produces one record and completes when the broker acknowledged it (acks=all).</summary>
    /// <exception cref="ProduceException{TKey,TValue}">A non-transient error, or a transient one after all retries.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">The last attempt timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task ProduceAsync(string topic, Message<byte[]?, byte[]?> message, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(topic, cancellationToken);
        try
        {
            await _pipeline.ExecuteAsync(
                static async (context, state) =>
                {
                    try
                    {
                        await state.Producer.ProduceAsync(state.Topic, state.Message, context.CancellationToken).ConfigureAwait(false);
                    }
                    catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_MsgTimedOut)
                    {
                        state.Metrics.RecordProduceTimeout(state.Topic);
                        throw;
                    }
                },
                context,
                (Producer: _producer, Topic: topic, Message: message, Metrics: _metrics)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Flushes what is still queued (bounded) and frees the producer.</summary>
    public void Dispose()
    {
        _producer.Flush(FlushTimeout);
        _producer.Dispose();
    }
}
