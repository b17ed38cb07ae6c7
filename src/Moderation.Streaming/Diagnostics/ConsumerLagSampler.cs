using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Moderation.Streaming.Diagnostics;

/// <summary>
/// Samples the high watermarks of the assigned partitions every interval on a thread-pool task, never on the consume
/// thread: the consumer's cached watermarks (updated by fetch responses, <c>rd_kafka_get_watermark_offsets</c>) and a
/// ListOffsets query (<c>rd_kafka_query_watermark_offsets</c>, bounded by the query timeout), which stays current while
/// the partitions are paused or the prefetch queue is full; also fetches the group's committed offset of newly
/// assigned partitions until known. librdkafka serves these calls from any thread.
/// </summary>
internal sealed partial class ConsumerLagSampler : IDisposable
{
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly ConsumerLagTracker _tracker;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _queryTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public ConsumerLagSampler(IConsumer<byte[]?, byte[]?> consumer, ConsumerLagTracker tracker, TimeSpan interval,
        TimeSpan queryTimeout, TimeProvider time, ILogger logger) =>
        (_consumer, _tracker, _interval, _queryTimeout, _time, _logger) = (consumer, tracker, interval, queryTimeout, time, logger);

    /// <summary>Starts sampling (first sample at once).</summary>
    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Stops sampling and waits for a sample in progress (bounded by two query timeouts), so the consumer can be closed.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _run.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            SamplerFailed(_logger, e);
        }

        _stop.Dispose();
    }

    /// <summary>One sample of every assigned partition; stops between partitions when cancelled.</summary>
    internal void Sample(CancellationToken cancellationToken)
    {
        var partitions = _tracker.Partitions;
        var unknown = partitions.Where(_tracker.NeedsCommitted).ToList();
        if (unknown.Count > 0)
        {
            try
            {
                foreach (var committed in _consumer.Committed(unknown, _queryTimeout))
                {
                    _tracker.GroupCommitted(committed.TopicPartition, committed.Offset);
                }
            }
            catch (KafkaException e)
            {
                QueryFailed(_logger, "committed offsets", e.Error.Reason);
            }
        }

        foreach (var partition in partitions)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var cached = Query(partition, static (consumer, p, _) => consumer.GetWatermarkOffsets(p));
            var queried = Query(partition, static (consumer, p, timeout) => consumer.QueryWatermarkOffsets(p, timeout));
            var low = queried?.Low.Value ?? cached?.Low.Value ?? -1;
            var high = Math.Max(queried?.High.Value ?? -1, cached?.High.Value ?? -1);
            if (high >= 0)
            {
                _tracker.Watermarks(partition, low, high);
            }
        }
    }

    private WatermarkOffsets? Query(TopicPartition partition,
        Func<IConsumer<byte[]?, byte[]?>, TopicPartition, TimeSpan, WatermarkOffsets> query)
    {
        try
        {
            return query(_consumer, partition, _queryTimeout);
        }
        catch (KafkaException e)
        {
            QueryFailed(_logger, $"watermarks of {partition}", e.Error.Reason);
            return null;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            Sample(cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    [LoggerMessage(120, LogLevel.Debug, "Consumer lag sample: could not query the {What} ({Reason}); keeping the last value")]
    private static partial void QueryFailed(ILogger logger, string what, string reason);

    [LoggerMessage(121, LogLevel.Warning, "Consumer lag sampling stopped on an unexpected error; the lag gauge kept its last values")]
    private static partial void SamplerFailed(ILogger logger, Exception exception);
}
