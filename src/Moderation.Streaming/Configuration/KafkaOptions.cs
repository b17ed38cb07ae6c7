using System.ComponentModel.DataAnnotations;
using Moderation.Core.Contracts;

namespace Moderation.Streaming.Configuration;

/// <summary>Kafka connection, consumer group and topic names (configuration section <c>Kafka</c>).</summary>
public sealed class KafkaOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "Kafka";

    /// <summary>Comma-separated <c>host:port</c> list of brokers. Required; no default.</summary>
    [Required]
    public string BootstrapServers { get; set; } = "";

    /// <summary>Consumer group of the moderation workers. Default <c>moderation</c>.</summary>
    [Required]
    public string GroupId { get; set; } = "moderation";

    /// <summary>Topic of posted images. Default <see cref="Topics.Posts"/>.</summary>
    [Required]
    public string PostsTopic { get; set; } = Topics.Posts;

    /// <summary>Topic receiving one JSON verdict per post. Default <see cref="Topics.Verdicts"/>.</summary>
    [Required]
    public string VerdictsTopic { get; set; } = Topics.Verdicts;

    /// <summary>Topic receiving the flagged verdicts. Default <see cref="Topics.Flags"/>.</summary>
    [Required]
    public string FlagsTopic { get; set; } = Topics.Flags;

    /// <summary>Dead-letter topic. Default <see cref="Topics.DeadLetter"/>.</summary>
    [Required]
    public string DeadLetterTopic { get; set; } = Topics.DeadLetter;

    /// <summary>
    /// librdkafka properties passed through to every client (e.g. <c>session.timeout.ms</c>,
    /// <c>security.protocol</c>); see librdkafka's CONFIGURATION.md. Empty by default; without an entry,
    /// <c>reconnect.backoff.max.ms</c> is 1000 (librdkafka's own default is 10000).
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>librdkafka properties for consumers only, applied after <see cref="Settings"/>. Empty by default.</summary>
    public Dictionary<string, string> ConsumerSettings { get; set; } = [];

    /// <summary>librdkafka properties for producers only, applied after <see cref="Settings"/>. Empty by default.</summary>
    public Dictionary<string, string> ProducerSettings { get; set; } = [];
}
