using System.Runtime.InteropServices;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>Owns an <c>rd_kafka_conf_t*</c> until <c>rd_kafka_new</c> takes it over.</summary>
internal sealed class KafkaConfigHandle : SafeHandle
{
    /// <summary>Creates an empty (invalid) handle; the marshaller sets the pointer.</summary>
    public KafkaConfigHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == nint.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.rd_kafka_conf_destroy(handle);
        return true;
    }
}
