using System.Runtime.InteropServices;
using Confluent.Kafka;
using Moderation.Streaming.Interop;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>
/// librdkafka entry points that Confluent.Kafka does not expose (the mock cluster API of <c>rdkafka_mock.h</c>).
/// One file per native area: <c>NativeMethods.Client.cs</c> (client and configuration objects) and
/// <c>NativeMethods.Mock.cs</c> (mock cluster). The library is the one Confluent.Kafka uses: the static constructor
/// lets <see cref="Librdkafka"/> resolve <see cref="LibraryName"/> for this assembly before the first call.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>Resolved by <see cref="Librdkafka.ResolveFor"/> to the redist's librdkafka 2.16 that Confluent.Kafka loads too.</summary>
    internal const string LibraryName = Librdkafka.LibraryName;

    static NativeMethods()
    {
        Librdkafka.Pin();
        Librdkafka.ResolveFor(typeof(NativeMethods).Assembly);
    }

    /// <summary>Size of the error-string buffers passed to librdkafka (it truncates longer messages).</summary>
    private const int ErrorBufferSize = 512;

    /// <summary>
    /// The one status check of this binding: throws when <paramref name="status"/>, an <c>rd_kafka_resp_err_t</c>, is not
    /// <c>RD_KAFKA_RESP_ERR_NO_ERROR</c> (0). Calls that report failure otherwise (a NULL object, an
    /// <c>rd_kafka_conf_res_t</c>) map it to an error code and pass librdkafka's error buffer as <paramref name="detail"/>.
    /// </summary>
    /// <exception cref="KafkaException">The status is an error; <see cref="Error.Code"/> is the librdkafka error code.</exception>
    internal static void VerifySuccess(int status, string operation, ReadOnlySpan<byte> detail = default)
    {
        if (status == 0)
        {
            return;
        }

        var end = detail.IndexOf((byte)0);
        var text = !detail.IsEmpty && end != 0
            ? System.Text.Encoding.UTF8.GetString(end < 0 ? detail : detail[..end])
            : Marshal.PtrToStringUTF8(rd_kafka_err2str(status)) ?? "unknown error";
        throw new KafkaException(new Error((ErrorCode)status, $"{operation} failed: {text}"));
    }

    [LibraryImport(LibraryName)]
    private static partial nint rd_kafka_err2str(int err);
}
