using System.Text.Json;
using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Dashboard.Tests.Support;

/// <summary>Produces records to the flags topic as the moderation worker does: key = post id, value = verdict JSON.</summary>
internal sealed class FlagProducer(string bootstrapServers) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer = new ProducerBuilder<string, byte[]>(
        new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 0, EnableIdempotence = true, Acks = Acks.All }).Build();

    public Task PublishAsync(Verdict verdict) => PublishRawAsync(verdict.PostId, JsonSerializer.SerializeToUtf8Bytes(verdict));

    public async Task PublishRawAsync(string key, byte[] value)
    {
        var result = await _producer.ProduceAsync(Topics.Flags, new Message<string, byte[]> { Key = key, Value = value });
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    public void Dispose() => _producer.Dispose();
}
