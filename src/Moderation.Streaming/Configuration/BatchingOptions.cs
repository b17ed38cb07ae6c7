using System.ComponentModel.DataAnnotations;

namespace Moderation.Streaming.Configuration;

/// <summary>Micro-batching of posts before scoring (configuration section <c>Batching</c>).</summary>
public sealed class BatchingOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "Batching";

    /// <summary>Most posts scored in one call, B of the <c>float32 [B,1,28,28]</c> input. Default 64.</summary>
    [Range(1, 4096)]
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// Longest wait in ms from a batch's first post until the batch is closed even if not full. Default 20 ms. With
    /// <see cref="CloseWhenScorerIdle"/> a batch usually closes sooner.
    /// </summary>
    [Range(0, 60_000)]
    public int MaxBatchDelayMs { get; set; } = 20;

    /// <summary>
    /// Close a batch before it is full or old enough when the scorer is idle and no further post is ready to be consumed
    /// (adaptive batching, as in Triton's dynamic batcher): at low rates posts are scored at once, and as the rate grows
    /// batches grow by themselves while the scorer is busy. Default true. When false, a batch closes only when full or
    /// after <see cref="MaxBatchDelayMs"/>.
    /// </summary>
    public bool CloseWhenScorerIdle { get; set; } = true;

    /// <summary>
    /// Most batches past decoding at once: the one being scored plus those whose outputs await the broker's
    /// acknowledgement. Scoring of the next batch overlaps the acknowledgement of the previous ones; offsets are still
    /// stored strictly in batch order and only after acknowledgement. Bounds the work redone after a crash and the
    /// progress made while the broker does not acknowledge. 1 = no overlap. Default 6 (on the 2-core reference machine
    /// under load an acknowledgement took up to about 2.5 scoring times).
    /// </summary>
    [Range(1, 64)]
    public int MaxBatchesInFlight { get; set; } = 6;

    /// <summary>
    /// Posts decoded concurrently within a batch (the consume thread plus thread-pool workers). Default
    /// <see cref="Environment.ProcessorCount"/> − 1, at least 1: one core stays with the scoring thread. On the 2-core
    /// reference machine decoding 28×28 posts on 2 threads made the stream about 30% slower than on 1, because the
    /// pool worker took the scorer's core for 10–20 µs of work per post.
    /// </summary>
    [Range(1, 1024)]
    public int DecodeParallelism { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// On shutdown, how long in ms the in-flight batch may still take to be produced and acknowledged before it is
    /// abandoned uncommitted (its posts are then redelivered to the group). Default 10000 ms.
    /// </summary>
    [Range(0, 600_000)]
    public int DrainTimeoutMs { get; set; } = 10_000;
}
