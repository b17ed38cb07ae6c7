using System.ComponentModel.DataAnnotations;

namespace Moderation.Dashboard.Configuration;

/// <summary>The reviewers' live dashboard (configuration section <c>Dashboard</c>); the topic is
/// <see cref="Streaming.Configuration.KafkaOptions.FlagsTopic"/>.</summary>
public sealed class DashboardOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Whether the flags consumer runs and <c>MapModerationDashboard</c> maps any endpoint. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Flagged posts kept in memory (the ring replayed to reconnecting browsers and loaded from the topic on start,
    /// at most this many records per partition). Default 500. Memory is bounded by about this times
    /// <see cref="MaxVerdictBytes"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int HistorySize { get; set; } = 500;

    /// <summary>
    /// Largest flag record value in bytes the dashboard accepts; larger ones are counted as malformed and dropped
    /// (post ids and headers are user-controlled). Default 65536 bytes.
    /// </summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxVerdictBytes { get; set; } = 64 * 1024;

    /// <summary>Interval in ms between two Server-Sent Events heartbeat comments on an idle stream (keeps proxies
    /// from closing it and lets the server notice gone clients). Default 15000 ms.</summary>
    [Range(50, 300_000)]
    public int HeartbeatIntervalMs { get; set; } = 15_000;

    /// <summary>Reconnection delay in ms the Server-Sent Events stream asks browsers to wait (the <c>retry:</c>
    /// field of the HTML Living Standard, §9.2) before reconnecting with <c>Last-Event-ID</c>. Default 3000 ms.</summary>
    [Range(100, 600_000)]
    public int ReconnectDelayMs { get; set; } = 3_000;
}
