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

    /// <summary>Longest wait in ms from a batch's first post until the batch is scored even if not full. Default 20 ms.</summary>
    [Range(0, 60_000)]
    public int MaxBatchDelayMs { get; set; } = 20;

    /// <summary>Posts decoded concurrently within a batch. Default <see cref="Environment.ProcessorCount"/>.</summary>
    [Range(1, 1024)]
    public int DecodeParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// On shutdown, how long in ms the in-flight batch may still take to be produced and acknowledged before it is
    /// abandoned uncommitted (its posts are then redelivered to the group). Default 10000 ms.
    /// </summary>
    [Range(0, 600_000)]
    public int DrainTimeoutMs { get; set; } = 10_000;
}
