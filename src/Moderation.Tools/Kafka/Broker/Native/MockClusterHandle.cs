using System.Runtime.InteropServices;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>
/// Owns an <c>rd_kafka_mock_cluster_t*</c>. librdkafka requires the cluster to be destroyed before its client, so the
/// handle holds a reference on <see cref="Owner"/> and releases it only after destroying the cluster.
/// </summary>
internal sealed class MockClusterHandle : SafeHandle
{
    /// <summary>Creates an empty (invalid) handle; the marshaller sets the pointer.</summary>
    public MockClusterHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    /// <summary>The client the cluster was created on (referenced with DangerousAddRef by the creator).</summary>
    internal KafkaClientHandle? Owner { get; set; }

    /// <inheritdoc />
    public override bool IsInvalid => handle == nint.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.rd_kafka_mock_cluster_destroy(handle);
        Owner?.DangerousRelease();
        return true;
    }
}
