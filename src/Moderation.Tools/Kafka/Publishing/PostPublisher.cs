using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;

namespace Moderation.Tools.Kafka.Publishing;

/// <summary>
/// Publishes posts to <see cref="KafkaOptions.PostsTopic"/> with an idempotent producer (acks=all): key = post id,
/// value = image bytes, headers <c>content-type</c>, <c>user-id</c>, <c>posted-at</c> (Unix ms from the
/// <see cref="TimeProvider"/>) and any extra ones. Thread-safe.
/// </summary>
public sealed class PostPublisher : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly string _topic;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the producer (connections are opened lazily).</summary>
    /// <param name="options">Kafka connection and <see cref="KafkaOptions.PostsTopic"/>.</param>
    /// <param name="timeProvider">Clock of the <c>posted-at</c> header.</param>
    /// <param name="logger">Receives librdkafka's log lines; none when null.</param>
    /// <exception cref="OptionsValidationException">The Kafka options are invalid.</exception>
    public PostPublisher(IOptions<KafkaOptions> options, TimeProvider timeProvider, ILogger<PostPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _topic = options.Value.PostsTopic;
        var messageTimeoutMs = (int)TimeSpan.FromMinutes(1).TotalMilliseconds;
        _producer = KafkaClients.Producer(options.Value, messageTimeoutMs, (ILogger?)logger ?? NullLogger.Instance).Build();
    }

    /// <summary>Publishes one post and completes when the broker acknowledged it.</summary>
    /// <exception cref="ProduceException{TKey,TValue}">Delivery failed (e.g. timed out after 60 s of librdkafka retries).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the post may still be delivered).</exception>
    public async Task<PostDelivery> PublishAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var postedAt = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var headers = new Headers();
        AddHeader(headers, PostHeaders.ContentType, post.ContentType);
        AddHeader(headers, PostHeaders.UserId, post.UserId);
        AddHeader(headers, PostHeaders.PostedAt, postedAt.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in post.Headers ?? new Dictionary<string, string>())
        {
            AddHeader(headers, name, value);
        }

        var message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(post.Id), Value = post.Image, Headers = headers };
        var result = await _producer.ProduceAsync(_topic, message, cancellationToken).ConfigureAwait(false);
        return new PostDelivery(post.Id, result.Partition.Value, result.Offset.Value, postedAt);
    }

    /// <summary>Publishes posts with at most <paramref name="maxInFlight"/> unacknowledged at a time.</summary>
    /// <returns>The deliveries in the order of <paramref name="posts"/>.</returns>
    /// <exception cref="ProduceException{TKey,TValue}">A delivery failed (the others were still awaited).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxInFlight"/> &lt; 1.</exception>
    public async Task<IReadOnlyList<PostDelivery>> PublishManyAsync(
        IEnumerable<Post> posts, int maxInFlight = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        using var window = new SemaphoreSlim(maxInFlight);
        var deliveries = new List<Task<PostDelivery>>();
        foreach (var post in posts)
        {
            await window.WaitAsync(cancellationToken).ConfigureAwait(false);
            deliveries.Add(PublishReleasingAsync(post, window, cancellationToken));
        }

        return await Task.WhenAll(deliveries).ConfigureAwait(false);
    }

    /// <summary>Waits up to 10 s for queued posts, then frees the producer.</summary>
    public void Dispose()
    {
        _producer.Flush(FlushTimeout);
        _producer.Dispose();
    }

    private async Task<PostDelivery> PublishReleasingAsync(Post post, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        try
        {
            return await PublishAsync(post, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            window.Release();
        }
    }

    private static void AddHeader(Headers headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
    }
}
