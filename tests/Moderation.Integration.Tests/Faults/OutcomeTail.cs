using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Integration.Tests.Faults;

/// <summary>
/// Follows the verdict and dead-letter topics from their beginning on a background thread and counts outcomes per post
/// id, so a test can wait for progress of a service it cannot see into (a child process) without re-reading the topics.
/// </summary>
internal sealed class OutcomeTail : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _perPost = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _records;
    private TriggerPoint? _trigger;

    /// <param name="bootstrapServers">The brokers.</param>
    /// <param name="partitions">Partitions of each output topic (create the topics with this many first).</param>
    public OutcomeTail(string bootstrapServers, int partitions)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"outcome-tail-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
            SocketNagleDisable = true,
        };
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new[] { Topics.Verdicts, Topics.DeadLetter }
            .SelectMany(topic => Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning))));
        _thread = new Thread(() => Follow(consumer)) { IsBackground = true, Name = "outcome-tail" };
        _thread.Start();
    }

    /// <summary>Verdict and dead-letter records seen (duplicates included).</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Distinct post ids with at least one outcome.</summary>
    public int DistinctPosts => _perPost.Count;

    /// <summary>Runs <paramref name="action"/> on the tail's thread as soon as <see cref="Records"/> reaches
    /// <paramref name="target"/> (right after counting that record), once; replaces a trigger not yet fired.</summary>
    public void Trigger(long target, Action action) => Volatile.Write(ref _trigger, new TriggerPoint(target, action));

    /// <summary>Polls every 20 ms until <paramref name="condition"/> holds.</summary>
    /// <returns>False when <paramref name="bound"/> passed first.</returns>
    public async Task<bool> WaitAsync(Func<OutcomeTail, bool> condition, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (clock.Elapsed > bound) return false;
            await Task.Delay(20);
        }

        return true;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Follow(IConsumer<byte[]?, byte[]?> consumer)
    {
        using (consumer)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(50)) is { Message.Key: { } key })
                    {
                        _perPost.AddOrUpdate(Encoding.UTF8.GetString(key), 1, static (_, n) => n + 1);
                        var records = Interlocked.Increment(ref _records);
                        if (Volatile.Read(ref _trigger) is { } trigger && records >= trigger.Target)
                        {
                            Volatile.Write(ref _trigger, null);
                            trigger.Action();
                        }
                    }
                }
                catch (ConsumeException)
                {
                    // transient (e.g. the broker is frozen); keep following
                }
            }

            consumer.Close();
        }
    }

    private sealed record TriggerPoint(long Target, Action Action);
}
