using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Review.Configuration;
using Moderation.Review.Live;
using Moderation.Review.Store;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;

namespace Moderation.Review.Ingest;

/// <summary>
/// Reads <see cref="KafkaOptions.FlagsTopic"/> into the store on its own thread, as a member of consumer group
/// <see cref="ReviewOptions.GroupId"/>: a record's offset is stored only after its row was written (or after a
/// malformed record was logged), and stored offsets are committed when the topic is drained or every
/// <see cref="CommitEvery"/> records, so a crash re-reads at most the uncommitted records, which the store ignores by
/// post id. A failure (database down) closes the consumer without committing and starts again after a delay.
/// </summary>
internal sealed class FlagsIngestService(
    IOptions<KafkaOptions> kafka,
    IOptions<ReviewOptions> options,
    ReviewStore store,
    ReviewChanges changes,
    TimeProvider time,
    ILogger<FlagsIngestService> logger) : BackgroundThreadService("moderation-review-ingest")
{
    /// <summary>Most records between two commits.</summary>
    public const int CommitEvery = 100;

    private const int RestartDelayMs = 2_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    protected override void Run(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                ReadUntilStopped(stopping);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                ReviewLog.IngestFailed(logger, ex, RestartDelayMs);
                stopping.WaitHandle.WaitOne(RestartDelayMs);
            }
            catch (Exception)
            {
                return; // stopping: whatever ended the read (cancellation, a closing client) ends the thread
            }
        }
    }

    private void ReadUntilStopped(CancellationToken stopping)
    {
        var settings = kafka.Value;
        var member = new KafkaOptions
        {
            BootstrapServers = settings.BootstrapServers, GroupId = options.Value.GroupId, Settings = settings.Settings,
            ConsumerSettings = settings.ConsumerSettings, ProducerSettings = settings.ProducerSettings,
        };
        using var consumer = KafkaClients.ManualCommitMember(member, logger).Build();
        consumer.Subscribe(settings.FlagsTopic);
        var (stored, redelivered, uncommitted) = (0, 0, 0);
        ConsumeResult<byte[]?, byte[]?>? last = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]?>? record;
                try
                {
                    record = consumer.Consume(Poll);
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    ReviewLog.ReadFailed(logger, settings.FlagsTopic, ex.Error.Reason); // e.g. the topic does not exist yet
                    stopping.WaitHandle.WaitOne(Poll);
                    continue;
                }

                if (record is null || record.IsPartitionEOF)
                {
                    if (uncommitted > 0)
                    {
                        Commit(consumer, last!, ref stored, ref redelivered, ref uncommitted);
                    }

                    continue;
                }

                var flag = FlagRecordReader.TryRead(record, options.Value, time.GetUtcNow().ToUnixTimeMilliseconds(), out var error);
                if (flag is null)
                {
                    ReviewLog.Malformed(logger, record.Topic, record.Partition.Value, record.Offset.Value, error!);
                }
                else if (store.AddFlagAsync(flag, stopping).GetAwaiter().GetResult())
                {
                    stored++;
                    changes.Notify();
                }
                else
                {
                    redelivered++;
                }

                consumer.StoreOffset(record); // after the row is written: never ahead of the store
                (last, uncommitted) = (record, uncommitted + 1);
                if (uncommitted >= CommitEvery)
                {
                    Commit(consumer, last, ref stored, ref redelivered, ref uncommitted);
                }
            }

            if (uncommitted > 0)
            {
                Commit(consumer, last!, ref stored, ref redelivered, ref uncommitted);
            }
        }
        finally
        {
            consumer.Close();
        }
    }

    private void Commit(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> last, ref int stored, ref int redelivered, ref int uncommitted)
    {
        consumer.Commit();
        ReviewLog.Ingested(logger, stored, redelivered, last.Topic, last.Partition.Value, last.Offset.Value);
        (stored, redelivered, uncommitted) = (0, 0, 0);
    }
}
