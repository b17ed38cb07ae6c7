using System.Text;
using Confluent.Kafka;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Builds consumed records for tests of the record-level logic.</summary>
internal static class Records
{
    public static ConsumeResult<byte[]?, byte[]?> Consumed(string? key, byte[]? value, long offset = 7, int partition = 2,
        Headers? headers = null, Timestamp? timestamp = null) => new()
    {
        Topic = "posts.images",
        Partition = new Partition(partition),
        Offset = new Offset(offset),
        Message = new Message<byte[]?, byte[]?>
        {
            Key = key is null ? null : Encoding.UTF8.GetBytes(key),
            Value = value,
            Headers = headers ?? [],
            Timestamp = timestamp ?? Timestamp.Default,
        },
    };

    public static Headers Headers(params (string Name, string Value)[] headers)
    {
        var result = new Headers();
        foreach (var (name, value) in headers)
        {
            result.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return result;
    }
}
