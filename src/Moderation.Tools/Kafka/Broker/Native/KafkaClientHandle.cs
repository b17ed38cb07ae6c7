using System.Runtime.InteropServices;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>Owns an <c>rd_kafka_t*</c>; destroying it also stops the client's threads.</summary>
internal sealed class KafkaClientHandle : SafeHandle
{
    /// <summary>Creates an empty (invalid) handle; the marshaller sets the pointer.</summary>
    public KafkaClientHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == nint.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.rd_kafka_destroy(handle);
        return true;
    }
}
