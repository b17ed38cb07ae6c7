using System.ComponentModel.DataAnnotations;

namespace Moderation.Streaming.Configuration;

/// <summary>How the worker samples its consumer lag (configuration section <c>Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "Monitoring";

    /// <summary>
    /// Interval in ms between two samples of the assigned partitions' high watermarks (one ListOffsets request per
    /// partition, off the consume thread) feeding the <c>moderation.consumer.lag</c> gauge. Default 5000 ms.
    /// </summary>
    [Range(50, 3_600_000)]
    public int ConsumerLagIntervalMs { get; set; } = 5_000;

    /// <summary>Longest wait in ms for one watermark or committed-offset query of a sample. Default 1000 ms.</summary>
    [Range(10, 60_000)]
    public int ConsumerLagQueryTimeoutMs { get; set; } = 1_000;
}
