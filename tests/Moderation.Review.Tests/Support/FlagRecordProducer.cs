using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Review.Tests.Support;

/// <summary>Produces <c>moderation.flags</c> records as the moderation worker does: key = post id, value = the image
/// bytes as posted (or none with <c>flag-value-omitted</c>), the post's headers, the verdict JSON in <c>moderation-verdict</c>.</summary>
internal sealed class FlagRecordProducer(string bootstrapServers) : IDisposable
{
    private readonly IProducer<byte[], byte[]?> _producer = new ProducerBuilder<byte[], byte[]?>(
        new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 0, EnableIdempotence = true, Acks = Acks.All }).Build();

    public async Task PublishAsync(Verdict verdict, byte[]? image, long? omittedLength = null)
    {
        var headers = new Headers();
        foreach (var (name, value) in verdict.Headers)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }

        headers.Add(PostHeaders.Verdict, JsonSerializer.SerializeToUtf8Bytes(verdict));
        if (omittedLength is { } length)
        {
            headers.Add(PostHeaders.FlagValueOmitted, Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture)));
        }

        var result = await _producer.ProduceAsync(Topics.Flags, new Message<byte[], byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(verdict.PostId), Value = image, Headers = headers,
        });
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    public void Dispose() => _producer.Dispose();
}
