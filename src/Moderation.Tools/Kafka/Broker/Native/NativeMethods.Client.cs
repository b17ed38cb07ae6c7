using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>Client (<c>rd_kafka_t</c>) and configuration (<c>rd_kafka_conf_t</c>) objects.</summary>
internal static partial class NativeMethods
{
    /// <summary><c>RD_KAFKA_PRODUCER</c> of <c>rd_kafka_type_t</c>.</summary>
    private const int ProducerType = 0;

    /// <summary><c>RD_KAFKA_CONF_OK</c> of <c>rd_kafka_conf_res_t</c>.</summary>
    private const int ConfigOk = 0;

    /// <summary>Creates a configuration object owned by the returned handle.</summary>
    internal static KafkaConfigHandle CreateConfig() => rd_kafka_conf_new();

    /// <summary>Sets one configuration property.</summary>
    /// <exception cref="KafkaException">Unknown property or invalid value (<see cref="ErrorCode.InvalidConfig"/>).</exception>
    internal static void SetConfig(KafkaConfigHandle config, string name, string value)
    {
        Span<byte> error = stackalloc byte[ErrorBufferSize];
        var result = rd_kafka_conf_set(config, name, value, ref error.GetPinnableReference(), (nuint)error.Length);
        VerifySuccess(result == ConfigOk ? 0 : (int)ErrorCode.InvalidConfig, $"rd_kafka_conf_set({name})", error);
    }

    /// <summary>Routes the client's log lines to <paramref name="callback"/> with <paramref name="opaque"/> as context.</summary>
    internal static unsafe void SetLogCallback(
        KafkaConfigHandle config, delegate* unmanaged<nint, int, nint, nint, void> callback, nint opaque)
    {
        rd_kafka_conf_set_opaque(config, opaque);
        rd_kafka_conf_set_log_cb(config, callback);
    }

    /// <summary>The opaque pointer set with <see cref="SetLogCallback"/>, read from a raw <c>rd_kafka_t*</c>.</summary>
    internal static nint GetOpaque(nint client) => rd_kafka_opaque(client);

    /// <summary>Creates a producer-type client; on success the client owns <paramref name="config"/>.</summary>
    /// <exception cref="KafkaException">librdkafka refused the configuration (<see cref="ErrorCode.Local_Fail"/>).</exception>
    internal static KafkaClientHandle CreateProducerClient(KafkaConfigHandle config)
    {
        Span<byte> error = stackalloc byte[ErrorBufferSize];
        var client = rd_kafka_new(ProducerType, config, ref error.GetPinnableReference(), (nuint)error.Length);
        if (client.IsInvalid)
        {
            client.Dispose();
            VerifySuccess((int)ErrorCode.Local_Fail, "rd_kafka_new", error);
        }

        config.SetHandleAsInvalid(); // ownership moved into the client
        return client;
    }

    [LibraryImport(LibraryName)]
    private static partial KafkaConfigHandle rd_kafka_conf_new();

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_conf_destroy(nint conf);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_conf_set(
        KafkaConfigHandle conf, string name, string value, ref byte errstr, nuint errstrSize);

    [LibraryImport(LibraryName)]
    private static partial void rd_kafka_conf_set_opaque(KafkaConfigHandle conf, nint opaque);

    [LibraryImport(LibraryName)]
    private static unsafe partial void rd_kafka_conf_set_log_cb(
        KafkaConfigHandle conf, delegate* unmanaged<nint, int, nint, nint, void> logCallback);

    [LibraryImport(LibraryName)]
    private static partial nint rd_kafka_opaque(nint rk);

    [LibraryImport(LibraryName)]
    private static partial KafkaClientHandle rd_kafka_new(
        int type, KafkaConfigHandle conf, ref byte errstr, nuint errstrSize);

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_destroy(nint rk);
}
